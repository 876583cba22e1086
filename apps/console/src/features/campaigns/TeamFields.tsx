import { useTranslation } from 'react-i18next';
import { Field } from '../../ui/Field';

interface Person {
  readonly id: string;
  readonly displayName: string;
}

export interface TeamDraft {
  readonly leadInspectorId: string;
  readonly inspectorIds: string[];
}

/** A campaign's team: its lead (one of `leads`) and its inspectors (any of `inspectors`), with the API's message beside each. */
export function TeamFields({
  team,
  leads,
  inspectors,
  error,
  onChange,
}: {
  team: TeamDraft;
  leads: readonly Person[];
  inspectors: readonly Person[];
  error: (field: string) => string | undefined;
  onChange: (team: TeamDraft) => void;
}) {
  const { t } = useTranslation('campaigns');
  const toggle = (id: string, on: boolean) => onChange({ ...team, inspectorIds: on ? [...team.inspectorIds, id] : team.inspectorIds.filter((other) => other !== id) });
  return (
    <>
      <Field label={t('form.lead')} error={error('leadInspectorId')}>
        {(props) => (
          <select {...props} value={team.leadInspectorId} onChange={(event) => onChange({ ...team, leadInspectorId: event.target.value })}>
            {leads.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset>
        <legend>{t('form.inspectors')}</legend>
        {inspectors.length === 0 ? <p className="muted">{t('form.noInspectors')}</p> : null}
        {inspectors.map((person) => (
          <label key={person.id} className="check">
            <input type="checkbox" checked={team.inspectorIds.includes(person.id)} onChange={(event) => toggle(person.id, event.target.checked)} />{' '}
            {person.displayName}
          </label>
        ))}
        {error('inspectorIds') ? <span className="field-error">{error('inspectorIds')}</span> : null}
      </fieldset>
    </>
  );
}
