/**
 * The account just created, with its initial password shown this once (it is not stored in
 * the browser and the server never returns it), to copy and hand over.
 */
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UserRecord } from '../../shared/wire/users.ts';

export function CreatedAccount({ user, password, onClose }: { user: UserRecord; password: string; onClose: () => void }) {
  const { t } = useTranslation('admin');
  return (
    <Alert
      color="teal"
      role="status"
      title={t('users.created.title', { username: user.username })}
      withCloseButton
      onClose={onClose}
      closeButtonLabel={t('users.created.close')}
    >
      <Stack gap="xs">
        <Text size="sm">{t('users.created.body')}</Text>
        <Group gap="xs">
          <Text size="sm">{t('users.created.username')}</Text>
          <Code data-testid="created-username">{user.username}</Code>
        </Group>
        <Group gap="xs">
          <Text size="sm">{t('users.created.password')}</Text>
          <Code data-testid="created-password">{password}</Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" onClick={copy}>
                {copied ? t('users.created.copied') : t('users.created.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
