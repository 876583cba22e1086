import request from 'supertest';
import { Scenario } from '../harness/scenario';
import { TestUser } from '../harness/people';
import { useStack } from '../harness/use-stack';

/**
 * The user's language, kept on the server (GET/PATCH /me), and problem details in the language
 * the caller asks for with Accept-Language; without it, the English every client got before.
 */
describe('language: the user’s choice, and problems in the caller’s language', () => {
  const stack = useStack();

  const call = async (user: TestUser, method: 'get' | 'post' | 'patch', path: string, body?: object, language?: string) => {
    let req = request(stack.api.baseUrl)[method](`/api/v1${path}`).set('Authorization', `Bearer ${await stack.api.token(user)}`);
    if (language) req = req.set('Accept-Language', language);
    return body ? req.send(body) : req;
  };

  it('is Vietnamese by default, and the user changes it (and their display name) with PATCH /me', async () => {
    const { inspector2 } = stack.people;
    expect((await call(inspector2, 'get', '/me')).body).toMatchObject({ language: 'vi', active: true, mustChangePassword: false });
    const changed = await call(inspector2, 'patch', '/me', { language: 'en', displayName: '  Trần Thị Bình  ' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id: inspector2.id, language: 'en', displayName: 'Trần Thị Bình', role: 'inspector' });
    expect((await call(inspector2, 'get', '/me')).body).toMatchObject({ language: 'en', displayName: 'Trần Thị Bình' });
    // Only what was sent changes.
    expect((await call(inspector2, 'patch', '/me', { language: 'vi' })).body).toMatchObject({ language: 'vi', displayName: 'Trần Thị Bình' });
  });

  it('refuses fields a user may not change about themselves, and bad values, changing nothing', async () => {
    const { headC } = stack.people;
    for (const body of [{ role: 'chairman' }, { language: 'fr' }, { displayName: '' }, { language: 1 }, { unitId: stack.people.units.a }]) {
      const answer = await call(headC, 'patch', '/me', body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
    }
    expect((await call(headC, 'get', '/me')).body).toMatchObject({ role: 'unit_head', language: 'vi', displayName: 'head.c', unitId: stack.people.units.c });
  });

  it('a field error comes in Vietnamese when asked for, in English when asked for, and in English without the header', async () => {
    const { headA } = stack.people;
    const vi = await call(headA, 'patch', '/me', { language: 'fr' }, 'vi-VN,vi;q=0.9');
    const en = await call(headA, 'patch', '/me', { language: 'fr' }, 'en');
    const none = await call(headA, 'patch', '/me', { language: 'fr' });
    expect(vi.status).toBe(400);
    expect(vi.type).toBe('application/problem+json');
    expect(vi.headers['content-language']).toBe('vi');
    expect(vi.body).toEqual({
      type: 'urn:inspectorate:problem:invalid-request',
      title: 'Yêu cầu không hợp lệ',
      status: 400,
      detail: 'Yêu cầu không hợp lệ: language phải là một trong các giá trị: vi, en',
      errors: [{ field: 'language', message: 'phải là một trong các giá trị: vi, en' }],
    });
    expect(none.body).toEqual({
      type: 'urn:inspectorate:problem:invalid-request',
      title: 'Invalid request',
      status: 400,
      detail: 'The request is not valid: language must be one of the following values: vi, en',
      errors: [{ field: 'language', message: 'must be one of the following values: vi, en' }],
    });
    expect(en.body).toEqual(none.body);
    expect(none.headers['content-language']).toBeUndefined();
    expect(String(none.headers.vary)).toMatch(/Accept-Language/i);
  });

  it('a refusal for the inspection’s state names the state, translated', async () => {
    const scenario = new Scenario(stack);
    const { inspectionId } = await scenario.plannedInspection();
    await scenario.start(inspectionId);
    const vi = await call(stack.people.lead, 'post', `/inspections/${inspectionId}/start`, {}, 'vi');
    const none = await call(stack.people.lead, 'post', `/inspections/${inspectionId}/start`, {});
    expect(vi.status).toBe(409);
    expect(vi.body).toMatchObject({
      title: 'Không thực hiện được ở trạng thái hiện tại',
      detail: 'Không thể bắt đầu kiểm tra: cuộc kiểm tra đang ở trạng thái “Đang kiểm tra” (cần ở trạng thái “Đã lên kế hoạch”).',
    });
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ title: 'Not allowed in the current state', detail: 'Cannot start the visit: the inspection is in_progress (it must be planned).' });
  });

  it('authentication and permission problems are translated too', async () => {
    const anonymous = await request(stack.api.baseUrl).get('/api/v1/me').set('Accept-Language', 'vi');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toMatchObject({ title: 'Cần đăng nhập', detail: 'Vui lòng đăng nhập (gửi mã truy cập nhận từ POST /api/v1/auth/login).' });
    const wrong = await request(stack.api.baseUrl).post('/api/v1/auth/login').set('Accept-Language', 'vi').send({ username: 'lead', password: 'not it at all' });
    expect(wrong.body).toMatchObject({ status: 401, detail: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    const forbidden = await call(stack.people.headB, 'get', '/audit/verify', undefined, 'vi');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ title: 'Không có quyền', detail: 'Vai trò thủ trưởng đơn vị không được thực hiện thao tác này (chỉ dành cho: quản trị, Chủ tịch).' });
    const missing = await call(stack.people.chairman, 'get', '/campaigns/00000000-0000-4000-8000-000000000000', undefined, 'vi');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ title: 'Không tìm thấy', detail: 'Không tìm thấy kế hoạch kiểm tra.' });
  });
});
