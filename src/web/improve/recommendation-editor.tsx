/**
 * The Perwakilan's saran perbaikan or tindakan korektif on one finding (issue 12 §1), saved with
 * `PATCH /findings/:id`; "Hapus" clears it (kind and text null). A refusal is shown translated
 * and nothing changes.
 */
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Finding, RecommendationKind } from '../../shared/wire/findings.ts';
import { FINDING_RECOMMENDATION_KINDS } from '../../shared/wire/enums.ts';
import { ACTION_NOTE_MAX } from '../../shared/wire/limits.ts';
import { usePatchFinding } from '../api/actions-writes.ts';
import { errorMessage } from '../lib/error-message.ts';

export function RecommendationEditor({ finding: f }: { finding: Finding }) {
  const { t } = useTranslation('improve');
  const patch = usePatchFinding(f.id);
  const [kind, setKind] = useState<RecommendationKind>(f.recommendationKind ?? 'saran_perbaikan');
  const [text, setText] = useState(f.recommendation ?? '');
  const [tried, setTried] = useState(false);
  const label = `${f.indicator} · ${f.unitName}`;
  const changed = kind !== (f.recommendationKind ?? 'saran_perbaikan') || text.trim() !== (f.recommendation ?? '');
  const save = () => {
    setTried(true);
    if (!text.trim()) return;
    patch.mutate(
      { recommendationKind: kind, recommendation: text.trim() },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('followup.saved', { indicator: f.indicator }) }) },
    );
  };
  const clear = () =>
    patch.mutate(
      { recommendationKind: null, recommendation: null },
      {
        onSuccess: () => {
          setText('');
          setTried(false);
          notifications.show({ color: 'teal', message: t('followup.cleared', { indicator: f.indicator }) });
        },
      },
    );
  return (
    <Stack gap={6}>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          size="xs"
          label={t('followup.kind')}
          aria-label={`${t('followup.kind')}: ${label}`}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as RecommendationKind)}
          data={FINDING_RECOMMENDATION_KINDS.map((k) => ({ value: k, label: t(`followup.kinds.${k}`) }))}
          style={{ flex: '0 1 220px' }}
        />
      </Group>
      <Textarea
        size="sm"
        label={t('followup.text')}
        aria-label={`${t('followup.text')}: ${label}`}
        autosize
        minRows={2}
        maxLength={ACTION_NOTE_MAX}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={tried && !text.trim() ? t('plan.required') : undefined}
      />
      {patch.isError && (
        <Alert color="red" role="alert" p="xs">
          {errorMessage(t, patch.error)}
        </Alert>
      )}
      <Group gap="xs" justify="flex-end">
        {f.recommendationKind && (
          <Button size="xs" variant="default" loading={patch.isPending} onClick={clear} aria-label={`${t('followup.clear')}: ${label}`}>
            {t('followup.clear')}
          </Button>
        )}
        <Button size="xs" loading={patch.isPending} disabled={!changed} onClick={save} aria-label={`${t('followup.save')}: ${label}`}>
          {t('followup.save')}
        </Button>
      </Group>
    </Stack>
  );
}
