/**
 * The koordinator's verification of a done action: accept (the action is closed) or refuse with
 * a reason (it goes back to the unit). A refusal without a reason is stopped here, before the
 * server (which refuses it too: 422 action.note_required); any server refusal is shown translated.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VerifyIn } from '../../shared/wire/actions.ts';
import { errorMessage } from '../lib/error-message.ts';

export interface VerifyDialogProps {
  opened: boolean;
  onClose: () => void;
  /** Sends the decision; rejects with the server's error. */
  onSubmit: (decision: VerifyIn) => Promise<unknown>;
  title: string;
}

export function VerifyDialog({ opened, onClose, onSubmit, title }: VerifyDialogProps) {
  const { t } = useTranslation('improve');
  return (
    <Modal opened={opened} onClose={onClose} title={t('verify.title')} size="lg">
      {opened && <VerifyForm onClose={onClose} onSubmit={onSubmit} title={title} />}
    </Modal>
  );
}

function VerifyForm({ onClose, onSubmit, title }: Omit<VerifyDialogProps, 'opened'>) {
  const { t } = useTranslation('improve');
  const [decision, setDecision] = useState<'accept' | 'refuse'>('accept');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const refusing = decision === 'refuse';
  const noteMissing = refusing && !note.trim();

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (noteMissing) return;
    setPending(true);
    setError(null);
    try {
      await onSubmit({ accepted: !refusing, ...(note.trim() ? { note: note.trim() } : {}) });
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text fw={600}>{title}</Text>
        <Text size="sm" c="dimmed">
          {t('verify.intro')}
        </Text>
        <Radio.Group label={t('verify.decision')} value={decision} onChange={(v) => setDecision(v as 'accept' | 'refuse')}>
          <Stack gap={6} mt={4}>
            <Radio value="accept" label={t('verify.accept')} />
            <Radio value="refuse" label={t('verify.refuse')} />
          </Stack>
        </Radio.Group>
        <Textarea
          label={refusing ? t('verify.note_refuse') : t('verify.note')}
          required={refusing}
          autosize
          minRows={3}
          maxLength={4000}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={tried && noteMissing ? t('verify.note_required') : null}
        />
        {error !== null && (
          <Alert color="red" role="alert">
            {errorMessage(t, error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('verify.cancel')}
          </Button>
          <Button type="submit" color={refusing ? 'red' : 'teal'} loading={pending}>
            {refusing ? t('verify.submit_refuse') : t('verify.submit_accept')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
