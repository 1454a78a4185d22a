/**
 * Under one question of an assignment sheet: the reviewer's comment when the unit came back,
 * the assessor's remark on the indicator (opened on demand), and evidence where the indicator
 * expects a photo or a document.
 */
import { memo, useState } from 'react';
import { Alert, Button, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../core/types.ts';
import type { Evidence } from '../../shared/wire/evidence.ts';
import type { QueuedEvidence } from '../lib/offline-db.ts';
import { EvidenceField, type EvidenceSheet } from './evidence-field.tsx';
import { wantsEvidence } from './evidence-model.ts';
import './assess.css';

export interface IndicatorExtrasProps {
  indicator: Indicator;
  comment: string | undefined;
  remark: string;
  onRemark: (code: string, text: string) => void;
  sheet: EvidenceSheet;
  queued: QueuedEvidence[];
  uploaded: Evidence[];
}

export const IndicatorExtras = memo(function IndicatorExtras({
  indicator,
  comment,
  remark,
  onRemark,
  sheet,
  queued,
  uploaded,
}: IndicatorExtrasProps) {
  const { t } = useTranslation('assess');
  const [open, setOpen] = useState(remark !== '');
  const code = indicator.code;
  const showEvidence = wantsEvidence(indicator) || queued.length > 0 || uploaded.length > 0;
  if (!comment && !showEvidence && !open) {
    return (
      <Button variant="subtle" size="compact-xs" mt={4} onClick={() => setOpen(true)}>
        {t('extras.add_remark', { code })}
      </Button>
    );
  }
  return (
    <Stack gap={6} className="indicator-extras">
      {comment && (
        <Alert color="orange" variant="light" p="xs" title={t('extras.comment_title')} data-testid={`review-comment-${code}`}>
          <Text size="sm">{comment}</Text>
        </Alert>
      )}
      {open ? (
        <Textarea
          label={t('extras.remark_label', { code })}
          autosize
          minRows={1}
          size="sm"
          value={remark}
          onChange={(e) => onRemark(code, e.currentTarget.value)}
        />
      ) : (
        <Button variant="subtle" size="compact-xs" w="fit-content" onClick={() => setOpen(true)}>
          {t('extras.add_remark', { code })}
        </Button>
      )}
      {showEvidence && <EvidenceField indicator={indicator} {...sheet} queued={queued} uploaded={uploaded} />}
    </Stack>
  );
});
