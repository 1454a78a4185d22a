/**
 * A refusal from the server, as the server worded it: publication refusals (409: bodies still
 * open, a clarification window or dispute open, a version already in force) arrive translated
 * into the caller's language, with the blocking items in `details`. Those are shown as they
 * are; other errors go through the shared `errors.<code>` translations.
 */
import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../lib/api.ts';
import { errorMessage } from '../lib/error-message.ts';

export function serverMessage(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (isApiError(error) && (error.status === 409 || error.status === 422) && error.message) return error.message;
  return errorMessage(t, error);
}

/** Items listed in an error's details (arrays of names or of objects with a name/label). */
export function detailItems(error: unknown): string[] {
  if (!isApiError(error)) return [];
  const items: string[] = [];
  for (const value of Object.values(error.details)) {
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      if (typeof item === 'string') items.push(item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const name = o.name ?? o.label ?? o.title;
        if (typeof name === 'string') items.push(name);
      }
    }
  }
  return items.slice(0, 20);
}

export function ServerRefusal({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation('publish');
  const items = detailItems(error);
  return (
    <Alert color="red" role="alert" title={title ?? t('refusal.title')} data-testid="server-refusal">
      <Text size="sm">{serverMessage(t, error)}</Text>
      {items.length > 0 && (
        <List size="sm" mt={4}>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
