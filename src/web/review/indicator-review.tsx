/**
 * The unit per indicator: the mean answer and how the sheets spread over the levels, points
 * lost, the assessors' remarks, the evidence, and — when returning the unit — a comment box.
 */
import { memo, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorScore, Scheme, UnitScore } from '../../core/types.ts';
import type { Evidence } from '../../shared/wire/evidence.ts';
import type { RecordView } from '../../shared/wire/records.ts';
import { useFormat } from '../lib/format.ts';
import { EvidenceThumbs } from './evidence-thumbs.tsx';

interface RowProps {
  indicator: Indicator;
  score: IndicatorScore | undefined;
  records: RecordView[];
  evidence: Evidence[];
  comment: string;
  onComment: ((code: string, text: string) => void) | null;
}

const IndicatorRow = memo(function IndicatorRow({ indicator, score, records, evidence, comment, onComment }: RowProps) {
  const { t } = useTranslation('review');
  const format = useFormat();
  const [open, setOpen] = useState(comment !== '');
  const code = indicator.code;
  const answered = records.filter((r) => typeof r.answers[code] === 'number');
  const spread = indicator.scale.levels
    .map((l) => ({ level: l.value, n: answered.filter((r) => r.answers[code] === l.value).length }))
    .filter((x) => x.n > 0);
  const remarks = records.filter((r) => r.remarks[code]);
  return (
    <Paper withBorder p="sm" data-testid={`indicator-${code}`}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start" preventGrowOverflow={false}>
          <Text size="sm" style={{ flex: 1, minWidth: 0 }}>
            <Text span fw={700}>
              {code}
            </Text>{' '}
            · {indicator.text[format.lang]}
          </Text>
          {(!score || score.missing) && (
            <Badge c="var(--mantine-color-text)" color="red" variant="light" tt="none" style={{ flexShrink: 0 }}>
              {t('indicators.missing')}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" className="tabular">
          {[
            score && !score.missing
              ? t('indicators.mean', { value: format.decimal(score.value ?? 0, 2), max: format.integer(indicator.scale.max) })
              : null,
            ...spread.map((s) => t('indicators.spread_item', { level: s.level, n: format.integer(s.n) })),
            score ? t('indicators.points_lost', { points: format.score(score.pointsLost) }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {remarks.map((r) => (
          <Text key={r.id} size="xs">
            {t('indicators.remark', { who: r.respondent ?? '—', text: r.remarks[code] })}
          </Text>
        ))}
        <EvidenceThumbs files={evidence} />
        {onComment &&
          (open ? (
            <Textarea
              label={t('indicators.comment_label', { code })}
              autosize
              minRows={1}
              value={comment}
              onChange={(e) => onComment(code, e.currentTarget.value)}
            />
          ) : (
            <Button
              size="compact-xs"
              variant="subtle"
              w="fit-content"
              onClick={() => setOpen(true)}
              aria-label={t('indicators.add_comment_label', { code })}
            >
              {t('indicators.add_comment')}
            </Button>
          ))}
      </Stack>
    </Paper>
  );
});

export interface IndicatorReviewProps {
  scheme: Scheme;
  result: UnitScore | null;
  records: RecordView[];
  evidence: Evidence[];
  comments: Record<string, string>;
  onComment: ((code: string, text: string) => void) | null;
}

export function IndicatorReview({ scheme, result, records, evidence, comments, onComment }: IndicatorReviewProps) {
  const format = useFormat();
  const scores = new Map<string, IndicatorScore>();
  for (const d of result?.dimensions ?? []) for (const v of d.variables) for (const i of v.indicators) scores.set(i.code, i);
  return (
    <Stack gap="lg">
      {scheme.dimensions.map((d) => (
        <Stack key={d.code} gap="xs" component="section" aria-labelledby={`rev-dim-${d.code}`}>
          <Title order={3} size="h4" id={`rev-dim-${d.code}`}>
            {d.title[format.lang]}
          </Title>
          {d.variables.flatMap((v) =>
            v.indicators.map((i) => (
              <IndicatorRow
                key={i.code}
                indicator={i}
                score={scores.get(i.code)}
                records={records}
                evidence={evidence.filter((e) => e.indicator === i.code)}
                comment={comments[i.code] ?? ''}
                onComment={onComment}
              />
            )),
          )}
        </Stack>
      ))}
    </Stack>
  );
}
