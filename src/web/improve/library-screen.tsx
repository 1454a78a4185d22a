/**
 * `/pustaka`: a service unit's evidence library (issue 12 §3) for its operator (the own unit) and
 * its government's koordinator (a unit of the government, `?unit=`): the documents with type,
 * dates, an expired badge and where each is used; add a document (stored once); link it to the
 * indicators suggested across schemes with one click, or to one of the unit's surveys; unlink. Refusals shown translated.
 */
import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, NativeSelect, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type {
  LibraryDocumentDetail,
  LibraryDocumentPage,
  LibrarySuggestion,
  LibrarySurveyOption,
  LibraryUse,
} from '../../shared/wire/library-docs.ts';
import { useMe } from '../api/auth.ts';
import { libraryFileUrl, useLibrary } from '../api/library-docs.ts';
import { useAddLibraryDocument, useLinkLibraryDocument, useUnlinkLibraryDocument } from '../api/library-docs-writes.ts';
import { useUnits } from '../api/registry.ts';
import { isApiError } from '../lib/api.ts';
import { errorMessage } from '../lib/error-message.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { DeleteDocumentDialog, DocumentFields, EditDocumentDialog } from './library-document-dialogs.tsx';
import { LibraryList, useSurveyName } from './library-list.tsx';

export function LibraryScreen() {
  const { t } = useTranslation('improve');
  const user = useMe().data;
  const search = useSearch({ from: '/pustaka' });
  const navigate = useNavigate({ from: '/pustaka' });
  const units = useUnits(user?.role === 'koordinator' ? user.bodyId : null, { page: 1, pageSize: 200 });
  if (!user) return <PageLoader />;
  const unitId = user.role === 'operator' ? user.unitId : (search.unit ?? units.data?.items[0]?.id ?? null);
  return (
    <Stack gap="lg" maw={1000}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('library.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('library.intro')}
        </Text>
      </Stack>
      {user.role === 'koordinator' && (
        <NativeSelect
          label={t('library.unit')}
          value={unitId ?? ''}
          onChange={(e) => void navigate({ search: { unit: e.currentTarget.value } })}
          data={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          maw={480}
        />
      )}
      {unitId ? <UnitLibrary unitId={unitId} /> : user.role === 'operator' && <Alert color="yellow">{t('library.no_unit')}</Alert>}
    </Stack>
  );
}

function UnitLibrary({ unitId }: { unitId: string }) {
  const { t } = useTranslation('improve');
  const list = useLibrary(unitId);
  const link = useLinkLibraryDocument();
  const unlink = useUnlinkLibraryDocument();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<LibraryDocumentDetail | null>(null);
  const [deleting, setDeleting] = useState<LibraryDocumentDetail | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const surveyName = useSurveyName();
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorView error={list.error} onRetry={() => void list.refetch()} compact />;

  const onLink = async (d: LibraryDocumentDetail, s: LibrarySuggestion) => {
    setBusy(`${d.id}:${s.cycleId}:${s.indicator}`);
    setError(null);
    try {
      await link.mutateAsync({ documentId: d.id, link: { cycleId: s.cycleId, indicator: s.indicator } });
      notifications.show({ color: 'teal', message: t('library.linked', { indicator: `${s.indicator} · ${s.cycleName}` }) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const onLinkSurvey = async (d: LibraryDocumentDetail, s: LibrarySurveyOption) => {
    setBusy(`${d.id}:survey:${s.id}`);
    setError(null);
    try {
      await link.mutateAsync({ documentId: d.id, link: { surveyId: s.id } });
      notifications.show({ color: 'teal', message: t('library.linked_survey', { survey: surveyName(s) }) });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const onUnlink = async (d: LibraryDocumentDetail, u: LibraryUse) => {
    setBusy(`${d.id}:${u.id}`);
    setError(null);
    try {
      await unlink.mutateAsync({ documentId: d.id, useId: u.id });
      notifications.show({ color: 'teal', message: t('library.unlinked') });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={2} size="h3" style={{ overflowWrap: 'anywhere' }}>
          {list.data.unitName} · {list.data.bodyName}
        </Title>
        <Button onClick={() => setAdding(true)}>{t('library.add')}</Button>
      </Group>
      {error !== null && (
        <Alert color="red" role="alert" withCloseButton closeButtonLabel={t('library.cancel')} onClose={() => setError(null)}>
          {errorMessage(t, error)}
        </Alert>
      )}
      <LibraryList
        page={list.data}
        fileUrl={libraryFileUrl}
        onLink={(d, s) => void onLink(d, s)}
        onUnlink={(d, u) => void onUnlink(d, u)}
        onLinkSurvey={(d, s) => void onLinkSurvey(d, s)}
        busy={busy}
        onEdit={setEditing}
        onDelete={setDeleting}
      />
      <EditDocumentDialog doc={editing} page={list.data} onClose={() => setEditing(null)} />
      <DeleteDocumentDialog doc={deleting} onClose={() => setDeleting(null)} />
      <Modal opened={adding} onClose={() => setAdding(false)} title={t('library.add_title')} size="lg">
        {adding && <AddDocumentForm unitId={unitId} page={list.data} onDone={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}

/** The add form: type (from the library file), title, issuing date, validity end, one file. */
export function AddDocumentForm({ unitId, page, onDone }: { unitId: string; page: LibraryDocumentPage; onDone: () => void }) {
  const { t } = useTranslation('improve');
  const add = useAddLibraryDocument(unitId);
  const [type, setType] = useState(page.types[0]?.code ?? '');
  const [title, setTitle] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tried, setTried] = useState(false);
  const [sent, setSent] = useState<number | null>(null);
  const missing = (v: unknown) => (tried && !v ? t('plan.required') : undefined);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setTried(true);
        if (!type || !title.trim() || !issuedOn || !file) return;
        setSent(0);
        add.mutate(
          {
            type,
            title: title.trim(),
            issuedOn,
            ...(validUntil ? { validUntil } : {}),
            file,
            onProgress: (loaded, total) => setSent(total > 0 ? Math.round((100 * loaded) / total) : 0),
          },
          {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('library.saved') });
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="sm">
        <DocumentFields
          page={page}
          value={{ type, title, issuedOn, validUntil }}
          onChange={(v) => {
            setType(v.type);
            setTitle(v.title);
            setIssuedOn(v.issuedOn);
            setValidUntil(v.validUntil);
          }}
          missing={(v) => missing(v)}
        />
        <FileInput
          label={t('library.file')}
          required
          clearable
          accept="application/pdf,image/jpeg,image/png,image/webp"
          clearButtonProps={{ 'aria-label': t('library.clear_file') }}
          value={file}
          onChange={setFile}
          error={missing(file)}
        />
        {add.isPending && sent !== null && (
          <Stack gap={4}>
            <Text size="sm" id="library-upload-progress">
              {t('library.uploading', { percent: sent })}
            </Text>
            <Progress value={sent} aria-labelledby="library-upload-progress" />
          </Stack>
        )}
        {add.isError && (
          <Alert color="red" role="alert">
            {errorMessage(t, add.error)}
            {isApiError(add.error) && add.error.status === 0 ? ` ${t('library.upload_resume')}` : ''}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('library.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('library.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
