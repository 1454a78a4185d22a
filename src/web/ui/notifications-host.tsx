/**
 * The notifications container, loaded for signed-in users only (providers.tsx). Every
 * notification's close button gets a translated name: Mantine leaves it unnamed, which axe
 * reports as a serious violation (button-name) while a notification is on screen; and its
 * description is drawn in the text colour (Mantine's dimmed grey fails color-contrast).
 */
import { useMemo } from 'react';
import { MantineThemeProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

export function NotificationsHost() {
  const { t } = useTranslation('ui');
  const label = t('shell.notifications.close');
  // Mantine's dimmed description colour falls below 4.5:1 on the notification's background.
  const theme = useMemo(
    () => ({
      components: {
        Notification: {
          defaultProps: { closeButtonProps: { 'aria-label': label, title: label } },
          styles: { description: { color: 'var(--mantine-color-text)' } },
        },
      },
    }),
    [label],
  );
  return (
    <MantineThemeProvider theme={theme}>
      <Notifications position="top-center" />
    </MantineThemeProvider>
  );
}
