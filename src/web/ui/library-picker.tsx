/**
 * "Pilih dari pustaka dokumen" (issue 12 §3): a button that opens the unit's evidence library in
 * a dialog; with a cycle and an indicator (or a survey), the documents suggested for it come first
 * and those already linked there cannot be chosen again. Choosing one hands it to `onPick` (the F-01 claim
 * links it to the indicator, the action progress form names it in its report). Strings: the
 * `improve` namespace. Validity badges: `LibraryValidityBadge`.
 */
import { useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LibraryDocument, LibraryValidity } from '../../shared/wire/library-docs.ts';
import { useLibrary } from '../api/library-docs.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';

const VALIDITY_COLOR: Record<LibraryValidity, string> = { open: 'gray', valid: 'green', expiring: 'yellow', expired: 'red' };

/** "Kedaluwarsa", "Segera berakhir", "Berlaku", "Tanpa batas": coloured only when it calls for attention. */
export function LibraryValidityBadge({ validity }: { validity: LibraryValidity }) {
  const { t } = useTranslation('improve');
  const attention = validity === 'expired' || validity === 'expiring';
  return (
    <Badge
      variant={attention ? 'filled' : 'default'}
      color={attention ? VALIDITY_COLOR[validity] : undefined}
      autoContrast
      tt="none"
      data-validity={validity}
    >
      {t(`library.validity.${validity}`)}
    </Badge>
  );
}

/** A document as a picker or a list names it: "suggested", validity and type, title, issuing date and validity end. */
export function LibraryDocumentSummary({ doc: d }: { doc: LibraryDocument }) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  return (
    <>
      <Group gap="xs" wrap="wrap">
        {d.suggested && (
          <Badge color="blue" variant="light" c="var(--mantine-color-text)" tt="none">
            {t('library.suggested')}
          </Badge>
        )}
        <LibraryValidityBadge validity={d.validity} />
        <Text size="xs" c="dimmed">
          {d.typeTitle[format.lang]}
        </Text>
      </Group>
      <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
        {d.title}
      </Text>
      <Text size="sm">
        {t('library.issued_on', { date: format.date(d.issuedOn) })}
        {d.validUntil ? ` · ${t('library.valid_until', { date: format.date(d.validUntil) })}` : ''}
      </Text>
    </>
  );
}

export interface LibraryPickerProps {
  unitId: string;
  /** Mark the suggestions for this indicator of this cycle. */
  cycleId?: string;
  indicator?: string;
  /** Mark the suggestions for (and the documents linked to) this survey of the unit. */
  surveyId?: string;
  /** Documents already chosen (the progress form): not offered again. */
  exclude?: readonly string[];
  onPick: (doc: LibraryDocument) => Promise<unknown> | undefined;
  disabled?: boolean;
  size?: 'xs' | 'sm';
}

export function LibraryPicker(props: LibraryPickerProps) {
  const { t } = useTranslation('improve');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" size={props.size ?? 'sm'} onClick={() => setOpen(true)} disabled={props.disabled}>
        {t('library.pick')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('library.pick_title')} size="lg">
        {open && <PickerList {...props} onDone={() => setOpen(false)} />}
      </Modal>
    </>
  );
}

function PickerList(props: LibraryPickerProps & { onDone: () => void }) {
  const { t } = useTranslation('improve');
  const list = useLibrary(props.unitId, { cycleId: props.cycleId, indicator: props.indicator, surveyId: props.surveyId });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (list.isPending) return <Loader size="sm" aria-label={t('library.loading')} />;
  if (list.isError)
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, list.error)}
      </Alert>
    );
  const items = list.data.items.filter((d) => !props.exclude?.includes(d.id));
  const pick = async (doc: LibraryDocument) => {
    setBusy(doc.id);
    setError(null);
    try {
      await props.onPick(doc);
      props.onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <Stack gap="sm">
      {props.indicator && (
        <Text size="sm" c="dimmed">
          {t('library.pick_for', { indicator: props.indicator })}
        </Text>
      )}
      {props.surveyId && (
        <Text size="sm" c="dimmed">
          {t('library.pick_for_survey')}
        </Text>
      )}
      {items.length === 0 && <Text size="sm">{t('library.empty_pick')}</Text>}
      {error !== null && (
        <Alert color="red" role="alert">
          {errorMessage(t, error)}
        </Alert>
      )}
      {items.map((d) => (
        <Paper key={d.id} withBorder p="sm" data-testid="library-pick-item">
          <Stack gap={4}>
            <LibraryDocumentSummary doc={d} />
            <Group>
              {d.linkedHere ? (
                <Text size="sm">{t('library.linked_here')}</Text>
              ) : (
                <Button size="xs" onClick={() => void pick(d)} loading={busy === d.id} disabled={busy !== null}>
                  {t('library.choose', { title: d.title })}
                </Button>
              )}
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
