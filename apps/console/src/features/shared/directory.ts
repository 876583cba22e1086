import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';
import type { Role, Unit, User } from '../../api/types';
import { useUser } from '../../session/use-session';

const STAFF: readonly Role[] = ['admin', 'inspector', 'lead_inspector', 'chairman'];

/** Every unit, for staff; a unit head gets only their own (the API lets them read no other). */
export function useUnits() {
  const user = useUser();
  const staff = STAFF.includes(user.role);
  return useQuery({
    queryKey: ['units', staff ? 'all' : user.unitId],
    queryFn: async (): Promise<Unit[]> => {
      if (staff) return (await call(api.GET('/api/v1/units', { params: { query: { limit: 500 } } }))).items;
      if (!user.unitId) return [];
      return [await call(api.GET('/api/v1/units/{id}', { params: { path: { id: user.unitId } } }))];
    },
    staleTime: 5 * 60_000,
  });
}

/** People by role, for picking a team; staff only. */
export function usePeople(role?: Role) {
  const user = useUser();
  return useQuery({
    queryKey: ['users', role ?? 'all'],
    queryFn: async (): Promise<User[]> => (await call(api.GET('/api/v1/users', { params: { query: { limit: 500, ...(role ? { role } : {}) } } }))).items,
    enabled: STAFF.includes(user.role),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/**
 * Names for ids, shown instead of UUIDs. `person` is undefined when the caller may not list people
 * (a unit head): screens then say the role instead.
 */
export function useNames() {
  const units = useUnits();
  const people = usePeople();
  const me = useUser();
  return {
    unit: (id: string) => units.data?.find((unit) => unit.id === id)?.name ?? '…',
    person: (id: string): string | undefined => (id === me.id ? me.displayName : people.data?.find((person) => person.id === id)?.displayName),
  };
}
