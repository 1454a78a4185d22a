/**
 * Deciding an open dispute: accept by choosing the new level (each level with its descriptor
 * from the cycle's scheme) and an optional note, or reject with a reason (10–2,000 characters).
 */
import { useState } from 'react';
import { Alert, Button, Group, Radio, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REASON_MAX } from '../../shared/wire/limits.ts';
import type { Dispute } from '../../shared/wire/clarifications.ts';
import { useAcceptDispute, useRejectDispute } from '../api/clarifications-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { reasonError } from './clarify-model.ts';

/** How many records answered each value ("3 × 29, 0 × 1"). */
function distribution(d: Dispute): { value: number | null; n: number }[] {
  const counts = new Map<number | null, number>();
  for (const a of d.current.answers) counts.set(a.value, (counts.get(a.value) ?? 0) + 1);
  return [...counts.entries()].map(([value, n]) => ({ value, n })).sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
}

export function ResolveForm({ dispute }: { dispute: Dispute }) {
  const { t } = useTranslation('clarify');
  const format = useFormat();
  const [mode, setMode] = useState<'accept' | 'reject'>('accept');
  const [level, setLevel] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const accept = useAcceptDispute();
  const reject = useRejectDispute();
  const failure = accept.error ?? reject.error;
  const dist = distribution(dispute);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (mode === 'accept') {
      if (level === null) {
        setError('resolve.error_level');
        return;
      }
      setError(null);
      accept.mutate({ disputeId: dispute.id, value: Number(level), ...(note.trim() ? { note: note.trim() } : {}) });
    } else {
      const why = reasonError(reason);
      setError(why);
      if (why) return;
      reject.mutate({ disputeId: dispute.id, reason });
    }
  };

  return (
    <form onSubmit={submit} noValidate data-testid="resolve-form">
      <Stack gap="sm">
        {dist.length > 0 && (
          <Text size="sm" c="dimmed" className="tabular">
            {t('resolve.answers', {
              list: dist
                .map((x) => `${x.value === null ? t('value.missing') : format.integer(x.value)} × ${format.integer(x.n)}`)
                .join(', '),
            })}
          </Text>
        )}
        <SegmentedControl
          value={mode}
          onChange={(v) => {
            setMode(v as 'accept' | 'reject');
            setError(null);
          }}
          data={[
            { value: 'accept', label: t('resolve.accept') },
            { value: 'reject', label: t('resolve.reject') },
          ]}
          w="fit-content"
          aria-label={t('resolve.mode')}
        />
        {mode === 'accept' ? (
          <>
            <Radio.Group
              value={level}
              onChange={setLevel}
              label={t('resolve.level')}
              description={t('resolve.level_hint')}
              error={error ? t(error) : undefined}
            >
              <Stack gap={6} mt={6}>
                {dispute.indicator.levels.map((l) => (
                  <Radio
                    key={l.value}
                    value={String(l.value)}
                    label={
                      <span>
                        <strong className="tabular">{format.integer(l.value)}</strong> — {l.descriptor[format.lang]}
                      </span>
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
            <Textarea
              label={t('resolve.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={REASON_MAX}
            />
          </>
        ) : (
          <Textarea
            label={t('resolve.reason')}
            description={t('resolve.reason_hint')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={error ? t(error) : undefined}
            autosize
            minRows={3}
            required
          />
        )}
        {failure && (
          <Alert color="red" role="alert">
            {errorMessage(t, failure)}
          </Alert>
        )}
        <Group>
          <Button type="submit" color={mode === 'accept' ? 'green' : 'red'} loading={accept.isPending || reject.isPending}>
            {mode === 'accept' ? t('resolve.accept_submit') : t('resolve.reject_submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
