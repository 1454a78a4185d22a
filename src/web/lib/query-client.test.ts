import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api.ts';
import { createQueryClient } from './query-client.ts';

const expired = () => Promise.reject(new ApiError(401, 'auth.required', 'Session expired'));

describe('createQueryClient: expired sessions', () => {
  it('calls onSessionExpired when a query fails with 401 auth.required', async () => {
    const onSessionExpired = vi.fn();
    const client = createQueryClient({ onSessionExpired });
    await expect(client.fetchQuery({ queryKey: ['x'], queryFn: expired })).rejects.toBeInstanceOf(ApiError);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('calls it for a failed mutation too, but not for one marked skipSessionCheck (login)', async () => {
    const onSessionExpired = vi.fn();
    const client = createQueryClient({ onSessionExpired });
    const run = (meta?: Record<string, unknown>) =>
      client
        .getMutationCache()
        .build(client, { mutationFn: expired, ...(meta ? { meta } : {}) })
        .execute(undefined);
    await expect(run({ skipSessionCheck: true })).rejects.toBeInstanceOf(ApiError);
    expect(onSessionExpired).not.toHaveBeenCalled();
    await expect(run()).rejects.toBeInstanceOf(ApiError);
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('ignores other errors, such as wrong credentials (401) or no access (403)', async () => {
    const onSessionExpired = vi.fn();
    const client = createQueryClient({ onSessionExpired });
    for (const error of [new ApiError(401, 'auth.invalid_credentials', 'x'), new ApiError(403, 'auth.forbidden', 'x')]) {
      await expect(client.fetchQuery({ queryKey: [error.code], queryFn: () => Promise.reject(error) })).rejects.toBe(error);
    }
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('does not retry client errors', async () => {
    const client = createQueryClient();
    const queryFn = vi.fn(() => Promise.reject(new ApiError(404, 'not_found', 'x')));
    await expect(client.fetchQuery({ queryKey: ['nf'], queryFn, retry: client.getDefaultOptions().queries?.retry })).rejects.toBeInstanceOf(
      ApiError,
    );
    expect(queryFn).toHaveBeenCalledTimes(1);
  });
});
