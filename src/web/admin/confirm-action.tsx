/**
 * A button that asks before it acts: a modal names the consequence, the confirm button runs
 * the action, and a refusal from the server stays in the modal in the user's language.
 */
import { useState, type ReactNode } from 'react';
import { Alert, Button, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formErrorMessage } from './form-errors.ts';

export interface ConfirmActionProps {
  label: ReactNode;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown>;
  color?: ButtonProps['color'];
  variant?: ButtonProps['variant'];
  size?: ButtonProps['size'];
  /** An accessible name when `label` is short ("Nonaktifkan" → "Nonaktifkan Dinas Kesehatan"). */
  ariaLabel?: string;
  disabled?: boolean;
}

export function ConfirmAction({
  label,
  title,
  body,
  confirmLabel,
  onConfirm,
  color,
  variant = 'light',
  size = 'xs',
  ariaLabel,
  disabled,
}: ConfirmActionProps) {
  const { t } = useTranslation('admin');
  const [opened, setOpened] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    if (pending) return;
    setOpened(false);
    setError(null);
  };
  const confirm = async () => {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpened(false);
    } catch (e) {
      setError(formErrorMessage(t, e));
    } finally {
      setPending(false);
    }
  };
  return (
    <>
      <Button size={size} variant={variant} color={color} onClick={() => setOpened(true)} aria-label={ariaLabel} disabled={disabled}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} centered>
        <Stack gap="md">
          {typeof body === 'string' ? <Text>{body}</Text> : body}
          {error && (
            <Alert color="red" role="alert" title={t('common.failed')}>
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={pending}>
              {t('common.cancel')}
            </Button>
            <Button color={color} onClick={() => void confirm()} loading={pending}>
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
