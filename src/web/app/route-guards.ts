/**
 * Route guards: who may open a route. Runs in `beforeLoad`, from the user the root route put
 * into the router context. Anonymous → login with return-to; wrong role → "no access" screen;
 * the session could not be checked (offline, server down) → the error screen with a retry.
 */
import { redirect, type ParsedLocation } from '@tanstack/react-router';
import type { Role, User } from '../../shared/wire/auth.ts';
import { ApiError } from '../lib/api.ts';

export interface SessionContext {
  user: User | null;
  sessionError: unknown;
}

export function requireRole(roles: readonly Role[]) {
  return ({ context, location }: { context: SessionContext; location: ParsedLocation }): { user: User } => {
    if (!context.user) {
      if (context.sessionError) throw context.sessionError;
      throw redirect({ to: '/login', search: { redirect: location.href } });
    }
    if (!roles.includes(context.user.role)) {
      throw new ApiError(403, 'auth.forbidden', 'This account cannot open this page.', { role: context.user.role });
    }
    return { user: context.user };
  };
}
