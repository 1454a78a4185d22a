/**
 * The Ombudsman's follow-up products of a government in a cycle (issue 12 §1): the list (kind,
 * number, issuing date, title, the unit or finding it is about, the source document) and the form
 * that records one with its document (`POST …/followup-products`, multipart). Refusals are shown
 * translated and nothing is stored.
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, FileInput, Group, NativeSelect, Paper, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Finding, FollowupProduct, FollowupProductKind } from '../../shared/wire/findings.ts';
import { FOLLOWUP_PRODUCT_KINDS } from '../../shared/wire/enums.ts';
import { ACTION_NOTE_MAX, ACTION_TITLE_MAX } from '../../shared/wire/limits.ts';
import { productDocumentUrl } from '../api/actions.ts';
import { useRecordFollowupProduct } from '../api/actions-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';

export function FollowupProductList({ items, findings }: { items: readonly FollowupProduct[]; findings: readonly Finding[] }) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const unitName = new Map(findings.map((f) => [f.unitId, f.unitName]));
  const findingOf = new Map(findings.map((f) => [f.id, f]));
  if (items.length === 0)
    return (
      <Text c="dimmed" role="status">
        {t('followup.no_products')}
      </Text>
    );
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('followup.products_title')}>
      {items.map((p) => {
        const finding = p.findingId ? findingOf.get(p.findingId) : undefined;
        const about = finding
          ? `${finding.indicator} · ${finding.unitName}`
          : p.unitId
            ? (unitName.get(p.unitId) ?? t('followup.about_unit'))
            : t('followup.about_body');
        return (
          <Paper key={p.id} component="li" withBorder p="sm" data-product={p.kind}>
            <Stack gap={4}>
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" tt="none">
                  {t(`followup.product_kinds.${p.kind}`)}
                </Badge>
                <Text fw={650} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {p.title}
                </Text>
              </Group>
              <Text size="sm">{t('followup.product_line', { number: p.number, date: format.date(p.issuedOn), about })}</Text>
              {p.note && (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {p.note}
                </Text>
              )}
              <Anchor href={productDocumentUrl(p.id)} size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('followup.document', { name: p.document.filename })}
              </Anchor>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}

export interface FollowupProductFormProps {
  cycleId: string;
  bodyId: string;
  units: readonly { id: string; name: string }[];
  findings: readonly Finding[];
  defaultUnit?: string;
  onDone: () => void;
}

export function FollowupProductForm({ cycleId, bodyId, units, findings, defaultUnit, onDone }: FollowupProductFormProps) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const record = useRecordFollowupProduct(cycleId, bodyId);
  const [kind, setKind] = useState<FollowupProductKind>('saran_perbaikan');
  const [number, setNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const [unitId, setUnitId] = useState(defaultUnit ?? '');
  const [findingId, setFindingId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const missing = (v: unknown) => (tried && !v ? t('plan.required') : undefined);
  const unitFindings = findings.filter((f) => f.unitId === unitId);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!number.trim() || !issuedOn || !title.trim() || !file) return;
        record.mutate(
          {
            fields: {
              kind,
              number: number.trim(),
              issuedOn,
              title: title.trim(),
              ...(note.trim() ? { note: note.trim() } : {}),
              ...(unitId ? { unitId } : {}),
              ...(unitId && findingId ? { findingId } : {}),
            },
            file,
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('followup.recorded') });
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <NativeSelect
          label={t('followup.product_kind')}
          required
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as FollowupProductKind)}
          data={FOLLOWUP_PRODUCT_KINDS.map((k) => ({ value: k, label: t(`followup.product_kinds.${k}`) }))}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            label={t('followup.number')}
            required
            maxLength={100}
            value={number}
            onChange={(e) => setNumber(e.currentTarget.value)}
            error={missing(number.trim())}
            miw={180}
          />
          <TextInput
            type="date"
            label={t('followup.issued_on')}
            required
            value={issuedOn}
            onChange={(e) => setIssuedOn(e.currentTarget.value)}
            error={missing(issuedOn)}
            miw={160}
          />
        </Group>
        <TextInput
          label={t('followup.product_title')}
          required
          maxLength={ACTION_TITLE_MAX}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={missing(title.trim())}
        />
        <NativeSelect
          label={t('followup.about')}
          value={unitId}
          onChange={(e) => {
            setUnitId(e.currentTarget.value);
            setFindingId('');
          }}
          data={[{ value: '', label: t('followup.about_body') }, ...units.map((u) => ({ value: u.id, label: u.name }))]}
        />
        {unitId && unitFindings.length > 0 && (
          <NativeSelect
            label={t('followup.finding')}
            value={findingId}
            onChange={(e) => setFindingId(e.currentTarget.value)}
            data={[
              { value: '', label: t('followup.no_finding') },
              ...unitFindings.map((f) => ({ value: f.id, label: `${f.indicator} · ${f.text[format.lang]}` })),
            ]}
          />
        )}
        <Textarea
          label={t('followup.note')}
          autosize
          minRows={2}
          maxLength={ACTION_NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <FileInput
          label={t('followup.file')}
          description={t('followup.file_hint')}
          required
          clearable
          accept="application/pdf,image/jpeg,image/png,image/webp"
          clearButtonProps={{ 'aria-label': t('library.clear_file') }}
          value={file}
          onChange={setFile}
          error={missing(file)}
        />
        {record.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, record.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('library.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('followup.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
