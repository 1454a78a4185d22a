/**
 * Evidence for one indicator of a sheet: take a photo (the camera opens on phones) or attach a
 * file. The file is checked at once (type by content, size), kept on the device, and uploaded
 * by the sync right after its sheet reaches the server, linked to that record and indicator —
 * with progress, and refusals (413, 415, …) in the assessor's language.
 */
import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../core/types.ts';
import type { WireError } from '../../shared/wire/common.ts';
import type { Evidence } from '../../shared/wire/evidence.ts';
import { API_BASE } from '../lib/api.ts';
import { useFormat } from '../lib/format.ts';
import { offlineDb, type QueuedEvidence } from '../lib/offline-db.ts';
import { isPermanentEvidenceError, useSyncState } from '../lib/sync.ts';
import { jpegName, preparePhoto } from '../lib/photo.ts';
import { sha256Hex } from '../lib/resumable-upload.ts';
import { newId } from '../lib/uuid.ts';
import { capturePosition, type SheetCapture } from './capture.ts';
import { describeError } from './describe-error.ts';
import { checkEvidenceFile, evidenceKindFor } from './evidence-model.ts';

/** The sheet a file belongs to, and what capture needs from it (issue 13 §2). */
export interface EvidenceSheet {
  sheetId: string;
  cycleId: string;
  unitId: string;
  /** The scheme's longest edge for photos (`fieldwork.photoMaxEdgePx`); absent = kept as taken. */
  photoMaxEdge?: number | undefined;
  /** The sheet's last position fix, used when no fresher one comes. */
  position?: SheetCapture['position'];
}

export interface EvidenceFieldProps extends EvidenceSheet {
  indicator: Indicator;
  /** Files of this sheet and indicator still on the device. */
  queued: QueuedEvidence[];
  /** Files already on the server for this record and indicator. */
  uploaded: Evidence[];
}

function formatSize(bytes: number, decimal: (v: number, d?: number) => string): string {
  return bytes >= 1024 * 1024 ? `${decimal(bytes / (1024 * 1024), 1)} MB` : `${decimal(Math.max(1, bytes / 1024), 0)} KB`;
}

export function EvidenceField({ indicator, sheetId, cycleId, unitId, photoMaxEdge, position, queued, uploaded }: EvidenceFieldProps) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const sync = useSyncState();
  const [refusal, setRefusal] = useState<WireError | null>(null);
  const code = indicator.code;

  const add = async (files: FileList | null) => {
    setRefusal(null);
    for (const file of Array.from(files ?? [])) {
      const checked = await checkEvidenceFile(file);
      if (!checked.ok) {
        setRefusal(checked.error);
        continue;
      }
      // issue 13 §2: capture time and position, the photo resized here, the kept bytes hashed here.
      const capturedAt = new Date().toISOString();
      const fix = checked.mime === 'application/pdf' ? null : (await capturePosition(5_000)).position;
      let filename = file.name || `${code}.${checked.mime.split('/')[1]}`;
      let blob: Blob = file;
      let mime: string = checked.mime;
      let resizedTo: QueuedEvidence['resizedTo'] = null;
      if (checked.mime !== 'application/pdf') {
        const photo = await preparePhoto(file, checked.mime, photoMaxEdge);
        if (photo.resized) {
          blob = photo.blob;
          mime = photo.mime;
          filename = jpegName(filename);
          resizedTo = { width: photo.width, height: photo.height };
        }
      }
      const where = fix ?? position ?? null;
      await offlineDb().evidence.put({
        id: newId(),
        sheetId,
        cycleId,
        unitId,
        indicator: code,
        kind: evidenceKindFor(indicator, checked.mime),
        filename,
        mime,
        size: blob.size,
        blob,
        queuedAt: capturedAt,
        error: null,
        sha256: await sha256Hex(blob),
        capturedAt,
        position: where ? { lat: where.lat, lon: where.lon, accuracy: where.accuracy } : null,
        resizedTo,
      });
    }
  };

  const capturedLine = (e: QueuedEvidence) =>
    [
      e.capturedAt ? t('evidence.captured_at', { time: format.dateTime(e.capturedAt) }) : null,
      e.position
        ? t('evidence.position', { accuracy: format.integer(Math.round(e.position.accuracy ?? 0)) })
        : e.capturedAt
          ? t('evidence.no_position')
          : null,
      e.resizedTo ? t('evidence.resized', { width: e.resizedTo.width, height: e.resizedTo.height }) : null,
    ]
      .filter(Boolean)
      .join(' · ');

  const picker = (capture: boolean) => (
    <label className="file-pick" data-testid={capture ? `evidence-camera-${code}` : `evidence-file-${code}`}>
      <Button component="span" variant="light" size="compact-sm">
        {t(capture ? 'evidence.camera' : 'evidence.file')}
      </Button>
      <input
        type="file"
        accept={capture ? 'image/*,application/pdf' : 'image/jpeg,image/png,image/webp,application/pdf'}
        {...(capture ? { capture: 'environment' as const } : { multiple: true })}
        aria-label={t(capture ? 'evidence.camera_label' : 'evidence.file_label', { code })}
        onChange={(e) => {
          const input = e.currentTarget;
          void add(input.files).finally(() => {
            input.value = '';
          });
        }}
      />
    </label>
  );

  return (
    <Stack gap={6} data-testid={`evidence-${code}`}>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t('evidence.label')}
        </Text>
        {picker(true)}
        {picker(false)}
      </Group>
      {refusal && (
        <Alert color="red" p="xs" role="alert" withCloseButton onClose={() => setRefusal(null)} closeButtonLabel={t('evidence.dismiss')}>
          <Text size="sm">{describeError(t, format.lang, refusal)}</Text>
        </Alert>
      )}
      {uploaded.map((e) => (
        <Group key={e.id} gap="xs">
          <Badge c="var(--mantine-color-text)" color="green" variant="light" tt="none">
            {t('evidence.on_server')}
          </Badge>
          <Anchor size="sm" href={`${API_BASE}/evidence/${e.id}`} target="_blank" rel="noopener">
            {e.filename}
          </Anchor>
        </Group>
      ))}
      {queued.map((e) => {
        const upload = sync.progress?.upload?.id === e.id ? sync.progress.upload : null;
        return (
          <Stack key={e.id} gap={2}>
            <Group gap="xs" wrap="wrap" preventGrowOverflow={false}>
              <Text size="sm" truncate maw={220}>
                {e.filename}
              </Text>
              <Text size="xs" c="dimmed" className="tabular">
                {formatSize(e.size, format.decimal)}
              </Text>
              <Badge c="var(--mantine-color-text)" color={e.error ? 'red' : 'gray'} variant="light" tt="none">
                {t(e.error ? 'evidence.failed' : 'evidence.waiting')}
              </Badge>
              <Button
                variant="subtle"
                color="red"
                size="compact-xs"
                aria-label={t('evidence.remove', { name: e.filename })}
                onClick={() => void offlineDb().evidence.delete(e.id)}
              >
                {t('evidence.remove_short')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" data-testid={`evidence-capture-${e.id}`}>
              {capturedLine(e)}
            </Text>
            {upload && (
              <Progress
                value={upload.total ? (upload.loaded / upload.total) * 100 : 0}
                size="sm"
                aria-label={t('evidence.uploading', { name: e.filename })}
              />
            )}
            {e.error && (
              <Text size="xs" c="red" role="alert">
                {describeError(t, format.lang, e.error)}
                {isPermanentEvidenceError(e.error) ? ` ${t('evidence.replace_hint')}` : ''}
              </Text>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
