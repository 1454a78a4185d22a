/**
 * `/tindak-lanjut/$actionId`: one follow-up action — its plan, status and timing, evidence and
 * history — and what the signed-in role does with it: the unit's operator reports progress with
 * evidence, the koordinator verifies a done action (refusal with a reason), the pimpinan comments.
 * Every change goes through the action API; refusals are shown translated.
 */
import { useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  CloseButton,
  Divider,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ActionDetail, ActionStatus } from '../../shared/wire/actions.ts';
import type { User } from '../../shared/wire/auth.ts';
import { zoneOf } from '../../shared/local-time.ts';
import { actionEvidenceUrl, useAction } from '../api/actions.ts';
import { useCommentAction, useReportProgress, useUploadActionEvidence, useVerifyAction } from '../api/actions-writes.ts';
import { useMe } from '../api/auth.ts';
import { useUnits } from '../api/registry.ts';
import { useLinkLibraryDocument } from '../api/library-docs-writes.ts';
import type { LibraryDocument } from '../../shared/wire/library-docs.ts';
import { LibraryPicker } from '../ui/library-picker.tsx';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { ErrorView } from '../ui/error-view.tsx';
import { AnchorLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { StatusBadge, TimingBadge } from './action-badges.tsx';
import { EditActionDialog } from './edit-action-dialog.tsx';
import { VerifyDialog } from './verify-dialog.tsx';

export function ActionDetailScreen() {
  const { t } = useTranslation('improve');
  const { actionId } = useParams({ from: '/tindak-lanjut/$actionId' });
  const user = useMe().data;
  const action = useAction(actionId);
  return (
    <Stack gap="lg" maw={1000}>
      <AnchorLink to="/tindak-lanjut" size="sm">
        {t('detail.back')}
      </AnchorLink>
      {action.isPending ? (
        <PageLoader />
      ) : action.isError ? (
        <ErrorView error={action.error} onRetry={() => void action.refetch()} compact />
      ) : (
        user && <Detail action={action.data} user={user} />
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </Stack>
  );
}

function Detail({ action: a, user }: { action: ActionDetail; user: User }) {
  const { t } = useTranslation('improve');
  const format = useFormat({ timeZone: zoneOf(a.provinceCode).tz });
  const [verifying, setVerifying] = useState(false);
  const verify = useVerifyAction(a.id);
  const own = (role: User['role']) => user.role === role || user.role === 'admin';
  const canReport = own('operator') && a.status !== 'verified';
  const canVerify = own('koordinator') && a.status === 'done';
  const canComment = own('pimpinan');
  const canEdit = own('koordinator') && a.status !== 'verified';
  const [editing, setEditing] = useState(false);
  const units = useUnits(canEdit ? a.bodyId : null, { page: 1, pageSize: 200 });
  const evidenceName = new Map(a.evidence.map((e) => [e.id, e.filename]));

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1} size="h2">
          {a.title}
        </Title>
        <Text c="dimmed">
          {a.unitName} · {a.bodyName}
        </Text>
        <Group gap={6}>
          <StatusBadge status={a.status} />
          <TimingBadge action={a} />
          {a.verifiedAt && (
            <Text size="sm" c="dimmed">
              {t('detail.verified_at', { date: format.dateTime(a.verifiedAt) })}
            </Text>
          )}
        </Group>
      </Stack>

      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Fact label={t('detail.source')}>{t(`source.${a.sourceKind}`)}</Fact>
          {a.indicator && <Fact label={t('detail.indicator')}>{a.indicator}</Fact>}
          {a.unsurCode && <Fact label={t('detail.unsur')}>{a.unsurCode}</Fact>}
          <Fact label={t('detail.person')}>{a.personInCharge}</Fact>
          <Fact label={t('detail.due')}>{format.date(a.dueDate)}</Fact>
          <Fact label={t('detail.target')}>{a.targetLevel === null ? t('detail.none') : format.decimal(a.targetLevel, 0)}</Fact>
        </SimpleGrid>
        {a.notes && (
          <>
            <Divider my="sm" />
            <Fact label={t('detail.notes')}>{a.notes}</Fact>
          </>
        )}
      </Paper>

      {(canVerify || canEdit) && (
        <Group>
          {canVerify && (
            <Button onClick={() => setVerifying(true)} color="teal">
              {t('verify.open')}
            </Button>
          )}
          {canEdit && (
            <Button variant="default" onClick={() => setEditing(true)}>
              {t('edit.open')}
            </Button>
          )}
        </Group>
      )}
      {canEdit && (
        <EditActionDialog
          opened={editing}
          onClose={() => setEditing(false)}
          action={a}
          units={(units.data?.items ?? []).filter((u) => u.active !== false).map((u) => ({ id: u.id, name: u.name }))}
        />
      )}
      {canReport && <ProgressForm action={a} />}
      {own('operator') && a.status === 'verified' && (
        <Text size="sm" c="dimmed">
          {t('progress.closed')}
        </Text>
      )}
      {canComment && <CommentForm actionId={a.id} />}

      <Stack gap="xs" component="section" aria-labelledby="evidence-title">
        <Title order={2} size="h4" id="evidence-title">
          {t('detail.evidence')}
        </Title>
        {a.evidence.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('detail.no_evidence')}
          </Text>
        ) : (
          <Stack gap={4} component="ul" m={0} pl="md">
            {a.evidence.map((e) => (
              <Text key={e.id} component="li" size="sm">
                <Anchor href={actionEvidenceUrl(a.id, e.id)} download={e.filename} underline="always">
                  {e.filename}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {format.dateTime(e.createdAt)}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Stack>

      <Stack gap="xs" component="section" aria-labelledby="history-title">
        <Title order={2} size="h4" id="history-title">
          {t('detail.history')}
        </Title>
        <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {[...a.updates].reverse().map((u) => (
            <Paper key={u.id} component="li" withBorder p="sm" data-update={u.kind}>
              <Group justify="space-between" gap="xs" align="flex-start">
                <Text size="sm" fw={600}>
                  {t(`detail.update.${u.kind}`)}
                  {u.fromStatus && u.toStatus && u.fromStatus !== u.toStatus
                    ? ` · ${t('detail.move', { from: t(`status.${u.fromStatus}`), to: t(`status.${u.toStatus}`) })}`
                    : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {u.authorName ?? t('detail.unknown_author')} · {format.dateTime(u.createdAt)}
                </Text>
              </Group>
              {u.note && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {u.note}
                </Text>
              )}
              {u.kind === 'plan' && !u.note && u.toStatus === null && (
                <Text size="sm" c="dimmed">
                  {t('detail.plan_changed')}
                </Text>
              )}
              {u.evidenceIds.length > 0 && (
                <Group gap="xs" mt={4}>
                  {u.evidenceIds.map((id) => (
                    <Anchor key={id} size="sm" href={actionEvidenceUrl(a.id, id)} underline="always">
                      {evidenceName.get(id) ?? id}
                    </Anchor>
                  ))}
                </Group>
              )}
            </Paper>
          ))}
        </Stack>
      </Stack>

      <VerifyDialog
        opened={verifying}
        onClose={() => setVerifying(false)}
        title={a.title}
        onSubmit={async (d) => {
          await verify.mutateAsync(d);
          notifications.show({ color: 'teal', message: d.accepted ? t('verify.done_accept') : t('verify.done_refuse') });
        }}
      />
    </Stack>
  );
}

/** The moves a progress report may make from a status (core `mayReport`). */
const NEXT: Record<ActionStatus, ActionStatus[]> = { planned: ['in_progress', 'done'], in_progress: ['done'], done: [], verified: [] };

function ProgressForm({ action: a }: { action: ActionDetail }) {
  const { t } = useTranslation('improve');
  const upload = useUploadActionEvidence(a.id);
  const report = useReportProgress(a.id);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<string>('');
  const [files, setFiles] = useState<File[]>([]);
  // issue 12 §3: documents chosen from the unit's library, linked to the action when the report is sent.
  const [picked, setPicked] = useState<LibraryDocument[]>([]);
  const linkDocument = useLinkLibraryDocument();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!note.trim()) return;
    setError(null);
    try {
      const ids: string[] = [];
      for (const f of files) {
        setBusy(t('progress.uploading', { name: f.name }));
        ids.push((await upload.mutateAsync(f)).id);
      }
      for (const d of picked) {
        const { use } = await linkDocument.mutateAsync({ documentId: d.id, link: { actionId: a.id } });
        if (use.actionEvidenceId) ids.push(use.actionEvidenceId);
      }
      setBusy(null);
      await report.mutateAsync({
        note: note.trim(),
        ...(status ? { status: status as ActionStatus } : {}),
        ...(ids.length ? { evidenceIds: ids } : {}),
      });
      notifications.show({ color: 'teal', message: t('progress.sent') });
      setNote('');
      setStatus('');
      setFiles([]);
      setPicked([]);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="progress-title">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h4" id="progress-title">
            {t('progress.title')}
          </Title>
          <Textarea
            label={t('progress.note')}
            required
            autosize
            minRows={3}
            maxLength={4000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <NativeSelect
            label={t('progress.status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[
              { value: '', label: t('progress.keep', { status: t(`status.${a.status}`) }) },
              ...NEXT[a.status].map((s) => ({ value: s, label: t(`status.${s}`) })),
            ]}
          />
          <FileInput
            label={t('progress.files')}
            description={t('progress.files_hint')}
            multiple
            clearable
            accept="application/pdf,image/jpeg,image/png,image/webp"
            clearButtonProps={{ 'aria-label': t('progress.clear_files') }}
            value={files}
            onChange={setFiles}
          />
          <Stack gap={4}>
            <Group>
              <LibraryPicker
                unitId={a.unitId}
                {...(a.cycleId && a.indicator ? { cycleId: a.cycleId, indicator: a.indicator } : {})}
                exclude={picked.map((d) => d.id)}
                onPick={(d) => {
                  setPicked((p) => [...p, d]);
                  return undefined;
                }}
              />
            </Group>
            {picked.map((d) => (
              <Group key={d.id} gap={4} wrap="nowrap">
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {t('library.picked', { title: d.title })}
                </Text>
                <CloseButton
                  size="sm"
                  aria-label={t('library.remove_pick', { title: d.title })}
                  onClick={() => setPicked((p) => p.filter((x) => x.id !== d.id))}
                />
              </Group>
            ))}
          </Stack>
          {busy && (
            <Text size="sm" c="dimmed" role="status">
              {busy}
            </Text>
          )}
          {error !== null && (
            <Alert color="red" role="alert">
              {errorMessage(t, error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" disabled={!note.trim()} loading={upload.isPending || linkDocument.isPending || report.isPending}>
              {t('progress.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function CommentForm({ actionId }: { actionId: string }) {
  const { t } = useTranslation('improve');
  const comment = useCommentAction(actionId);
  const [note, setNote] = useState('');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="comment-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!note.trim()) return;
          comment.mutate(
            { note: note.trim() },
            {
              onSuccess: () => {
                setNote('');
                notifications.show({ color: 'teal', message: t('comment.sent') });
              },
            },
          );
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="comment-title">
            {t('comment.title')}
          </Title>
          <Textarea
            label={t('comment.note')}
            autosize
            minRows={2}
            maxLength={4000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          {comment.isError && (
            <Alert color="red" role="alert">
              {errorMessage(t, comment.error)}
            </Alert>
          )}
          <Group>
            <Button type="submit" disabled={!note.trim()} loading={comment.isPending}>
              {t('comment.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
