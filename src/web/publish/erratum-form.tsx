/**
 * "Terbitkan ralat": a correction of a published version becomes a new version with a reason
 * (10–2000 characters, required) and, optionally, corrected answers — a unit of the snapshot,
 * an indicator of the cycle's frozen scheme and its new level (with the level's descriptor and
 * the value the snapshot holds). Checked here first, in the user's language; nothing is sent
 * until the form is valid and the user has confirmed that the erratum is permanent.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Card, Group, Modal, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REASON_MAX, REASON_MIN } from '../../shared/wire/limits.ts';
import type { PublicationMeta, PublicationSnapshot } from '../../shared/wire/publications.ts';
import { useCycleScheme } from '../api/cycle-scheme.ts';
import { usePublishErratum } from '../api/publications-writes.ts';
import { usePublication } from '../api/publications.ts';
import { useFormat } from '../lib/format.ts';
import { PageLoader } from '../ui/page-loader.tsx';
import {
  type CorrectionRow,
  type IndicatorChoice,
  publicAtToIso,
  reasonError,
  type ReasonError,
  type RowError,
  rowErrors,
  schemeIndicators,
  snapshotIndicatorValue,
  toCorrections,
} from './publish-model.ts';
import { ServerRefusal } from './server-message.tsx';

export interface ErratumFormProps {
  publication: PublicationMeta;
  onCancel: () => void;
  onPublished: (meta: PublicationMeta) => void;
}

let nextKey = 1;
const emptyRow = (): CorrectionRow => ({ key: nextKey++, bodyId: '', unitId: '', indicator: '', value: '' });

function CorrectionFields({
  row,
  index,
  snapshot,
  indicators,
  error,
  onChange,
  onRemove,
}: {
  row: CorrectionRow;
  index: number;
  snapshot: PublicationSnapshot;
  indicators: IndicatorChoice[];
  error: RowError | undefined;
  onChange: (row: CorrectionRow) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  const units = snapshot.units.filter((u) => u.bodyId === row.bodyId);
  const unit = snapshot.units.find((u) => u.id === row.unitId);
  const indicator = indicators.find((i) => i.code === row.indicator);
  const dimensions = [...new Set(indicators.map((i) => i.dimension[format.lang]))];
  const before = unit && indicator ? snapshotIndicatorValue(unit, indicator.code) : undefined;
  const n = index + 1;
  return (
    <Card withBorder padding="sm" data-testid={`correction-${n}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={650} size="sm">
            {t('erratum.correction_n', { n })}
          </Text>
          <Button size="xs" variant="subtle" color="red" onClick={onRemove} aria-label={t('erratum.remove_n', { n })}>
            {t('erratum.remove')}
          </Button>
        </Group>
        <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
          <NativeSelect
            label={t('erratum.body')}
            value={row.bodyId}
            miw={200}
            onChange={(e) => onChange({ ...row, bodyId: e.currentTarget.value, unitId: '' })}
          >
            <option value="">{t('erratum.pick')}</option>
            {snapshot.bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('erratum.unit')}
            value={row.unitId}
            miw={200}
            disabled={!row.bodyId}
            onChange={(e) => onChange({ ...row, unitId: e.currentTarget.value })}
          >
            <option value="">{t('erratum.pick')}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <Group gap="sm" grow preventGrowOverflow={false} wrap="wrap" align="flex-start">
          <NativeSelect
            label={t('erratum.indicator')}
            value={row.indicator}
            miw={200}
            onChange={(e) => onChange({ ...row, indicator: e.currentTarget.value, value: '' })}
          >
            <option value="">{t('erratum.pick')}</option>
            {dimensions.map((d) => (
              <optgroup key={d} label={d}>
                {indicators
                  .filter((i) => i.dimension[format.lang] === d)
                  .map((i) => (
                    <option key={i.code} value={i.code}>
                      {`${i.code} · ${i.text[format.lang]}`}
                    </option>
                  ))}
              </optgroup>
            ))}
          </NativeSelect>
          <NativeSelect
            label={t('erratum.level')}
            value={row.value}
            miw={200}
            disabled={!indicator}
            onChange={(e) => onChange({ ...row, value: e.currentTarget.value })}
            description={before !== undefined ? t('erratum.before', { value: before === null ? '—' : format.decimal(before) }) : undefined}
          >
            <option value="">{t('erratum.pick')}</option>
            {(indicator?.levels ?? []).map((l) => (
              <option key={l.value} value={String(l.value)}>
                {`${format.decimal(l.value)} · ${l.descriptor[format.lang]}`}
              </option>
            ))}
          </NativeSelect>
        </Group>
        {error && (
          <Text size="sm" c="var(--mantine-color-error)" role="alert">
            {t(`erratum.row_error.${error}`)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

export function ErratumForm({ publication, onCancel, onPublished }: ErratumFormProps) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  const view = usePublication(publication.id);
  const scheme = useCycleScheme(publication.cycleId);
  const erratum = usePublishErratum(publication.id);
  const indicators = useMemo(() => (scheme.data ? schemeIndicators(scheme.data.scheme) : []), [scheme.data]);
  const [reason, setReason] = useState('');
  const [publicAt, setPublicAt] = useState('');
  const [rows, setRows] = useState<CorrectionRow[]>([]);
  const [checked, setChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const reasonProblem: ReasonError | null = reasonError(reason);
  const iso = publicAtToIso(publicAt);
  const errors = rowErrors(rows);
  const valid = !reasonProblem && iso !== undefined && errors.size === 0;

  const ask = () => {
    setChecked(true);
    if (!valid) return;
    erratum.reset();
    setConfirming(true);
  };
  const confirm = () =>
    erratum.mutate(
      {
        reason: reason.trim(),
        ...(iso ? { publicAt: iso } : {}),
        ...(rows.length > 0 ? { corrections: toCorrections(rows) } : {}),
      },
      {
        onSuccess: (meta) => {
          setConfirming(false);
          onPublished(meta);
        },
      },
    );

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="erratum-title" data-testid="erratum-form">
      <Stack gap="sm">
        <Title order={2} size="h4" id="erratum-title">
          {t('erratum.title', { version: publication.version, scope: publication.scopeName })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('erratum.intro', { next: publication.version + 1 })}
        </Text>
        <Textarea
          label={t('erratum.reason')}
          description={t('erratum.reason_help', { min: REASON_MIN, max: format.integer(REASON_MAX) })}
          autosize
          minRows={3}
          withAsterisk
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={
            checked && reasonProblem
              ? t(`erratum.reason_error.${reasonProblem}`, { min: REASON_MIN, max: format.integer(REASON_MAX) })
              : null
          }
        />
        {publication.released ? (
          // The server refuses a future date for the erratum of a public version: results never vanish.
          <Text size="sm" data-testid="erratum-public-now">
            {t('erratum.public_now', { version: publication.version })}
          </Text>
        ) : (
          <TextInput
            type="datetime-local"
            label={t('form.public_at')}
            description={t('erratum.public_at_help', { date: format.dateTime(publication.publicAt) })}
            value={publicAt}
            onChange={(e) => setPublicAt(e.currentTarget.value)}
            error={checked && iso === undefined ? t('form.public_at_invalid') : null}
            maw={420}
          />
        )}
        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" fw={650} size="sm">
            {t('erratum.corrections')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('erratum.corrections_help')}
          </Text>
          {rows.length > 0 && (!view.data || !scheme.data) ? (
            view.isError || scheme.isError ? (
              <ServerRefusal error={view.error ?? scheme.error} />
            ) : (
              <PageLoader />
            )
          ) : (
            rows.map((row, index) => (
              <CorrectionFields
                key={row.key}
                row={row}
                index={index}
                snapshot={view.data!.snapshot}
                indicators={indicators}
                error={checked ? errors.get(row.key) : undefined}
                onChange={(next) => setRows((rs) => rs.map((r) => (r.key === row.key ? next : r)))}
                onRemove={() => setRows((rs) => rs.filter((r) => r.key !== row.key))}
              />
            ))
          )}
          <Button variant="default" size="xs" w="fit-content" onClick={() => setRows((rs) => [...rs, emptyRow()])}>
            {t('erratum.add')}
          </Button>
        </Stack>
        {checked && !valid && (
          <Alert color="red" role="alert" p="xs" data-testid="erratum-invalid">
            {t('erratum.invalid')}
          </Alert>
        )}
        {!confirming && erratum.error && <ServerRefusal error={erratum.error} />}
        <Group gap="sm">
          <Button onClick={ask}>{t('erratum.submit')}</Button>
          <Button variant="default" onClick={onCancel}>
            {t('confirm.cancel')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={confirming} onClose={() => !erratum.isPending && setConfirming(false)} title={t('erratum.confirm_title')} centered>
        <Stack gap="sm">
          <Text>{t('erratum.confirm_body', { version: publication.version, next: publication.version + 1 })}</Text>
          <Text size="sm">
            <Text span fw={600}>
              {t('erratum.reason')}:
            </Text>{' '}
            {reason.trim()}
          </Text>
          <Text size="sm">{t('erratum.confirm_corrections', { count: rows.length })}</Text>
          <Text size="sm" fw={600}>
            {t('confirm.public_at', {
              date: format.dateTime(iso ?? (publication.released ? new Date() : publication.publicAt)),
            })}
          </Text>
          {erratum.error && <ServerRefusal error={erratum.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={erratum.isPending}>
              {t('confirm.cancel')}
            </Button>
            <Button onClick={confirm} loading={erratum.isPending}>
              {t('erratum.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}
