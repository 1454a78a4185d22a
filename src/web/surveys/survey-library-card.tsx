/**
 * A survey's documents from the unit's evidence library (issue 12 §3, issue 11 §5): the SKM report
 * of the period, the published follow-up … linked to the survey once stored in the library. Lists
 * the linked documents (validity badge: an expired one is flagged), each with its download and an
 * unlink button; "Pilih dari pustaka dokumen" opens the unit's library with the documents
 * suggested for this survey (an SKM report) first. For the unit's operator and koordinator (the
 * library's managers); refusals translated.
 */
import { useState } from 'react';
import { Alert, Anchor, Card, CloseButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { LibraryDocument } from '../../shared/wire/library-docs.ts';
import { libraryFileUrl, useLibrary } from '../api/library-docs.ts';
import { useLinkLibraryDocument, useUnlinkLibraryDocument } from '../api/library-docs-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { LibraryDocumentSummary, LibraryPicker } from '../ui/library-picker.tsx';
import { AnchorLink } from '../ui/links.tsx';

export function SurveyLibraryCard({ unitId, surveyId }: { unitId: string; surveyId: string }) {
  const { t } = useTranslation('surveys');
  const list = useLibrary(unitId, { surveyId });
  const link = useLinkLibraryDocument();
  const unlink = useUnlinkLibraryDocument();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const docs = (list.data?.items ?? []).filter((d) => d.linkedHere);
  return (
    <SurveyLibraryView
      unitId={unitId}
      surveyId={surveyId}
      docs={docs}
      loading={list.isPending}
      error={list.isError ? list.error : error}
      busy={busy}
      onPick={(d) =>
        link.mutateAsync({ documentId: d.id, link: { surveyId } }).then(() => {
          notifications.show({ color: 'teal', message: t('library.linked', { title: d.title }) });
        })
      }
      onUnlink={async (d) => {
        const use = d.uses.find((u) => u.surveyId === surveyId);
        if (!use) return;
        setBusy(d.id);
        setError(null);
        try {
          await unlink.mutateAsync({ documentId: d.id, useId: use.id });
          notifications.show({ color: 'teal', message: t('library.unlinked', { title: d.title }) });
        } catch (err) {
          setError(err);
        } finally {
          setBusy(null);
        }
      }}
    />
  );
}

export interface SurveyLibraryViewProps {
  unitId: string;
  surveyId: string;
  /** The documents linked to this survey. */
  docs: LibraryDocument[];
  loading?: boolean;
  error?: unknown;
  /** The document being unlinked. */
  busy?: string | null;
  onPick: (doc: LibraryDocument) => Promise<unknown>;
  onUnlink: (doc: LibraryDocument) => void;
}

export function SurveyLibraryView({ unitId, surveyId, docs, loading, error, busy, onPick, onUnlink }: SurveyLibraryViewProps) {
  const { t } = useTranslation('surveys');
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="survey-library-title">
      <Title order={2} size="h5" mb={4} id="survey-library-title">
        {t('library.title')}
      </Title>
      <Text size="sm" mb="sm">
        {t('library.intro')}
      </Text>
      <Stack gap="xs">
        {error != null && (
          <Alert color="red" role="alert">
            {errorMessage(t, error)}
          </Alert>
        )}
        {!loading && docs.length === 0 && <Text c="dimmed">{t('library.none')}</Text>}
        {docs.map((d) => (
          <Paper key={d.id} withBorder p="sm" data-testid="survey-library-doc">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                <LibraryDocumentSummary doc={{ ...d, suggested: false }} />
                <Anchor href={libraryFileUrl(d.id)} size="sm" underline="always" style={{ overflowWrap: 'anywhere' }}>
                  {t('library.download', { name: d.filename })}
                </Anchor>
              </Stack>
              <CloseButton aria-label={t('library.unlink', { title: d.title })} disabled={busy != null} onClick={() => onUnlink(d)} />
            </Group>
          </Paper>
        ))}
        <Group gap="sm" wrap="wrap">
          <LibraryPicker unitId={unitId} surveyId={surveyId} onPick={onPick} size="sm" />
          <AnchorLink to="/pustaka" search={{ unit: unitId }} size="sm">
            {t('library.manage')}
          </AnchorLink>
        </Group>
      </Stack>
    </Card>
  );
}
