/** Evidence files as download links: name, type and size (the session authorises the download). */
import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../shared/wire/evidence.ts';
import { evidenceHref } from '../api/evidence.ts';
import { useFormat } from '../lib/format.ts';

/** "1,2 MB" / "340 KB" in the UI language. */
export function useFileSize(): (bytes: number) => string {
  const format = useFormat();
  return (bytes) =>
    bytes >= 1024 * 1024 ? `${format.decimal(bytes / (1024 * 1024), 1)} MB` : `${format.integer(Math.max(1, Math.round(bytes / 1024)))} KB`;
}

export function EvidenceLinks({ files }: { files: readonly Evidence[] }) {
  const { t } = useTranslation('pemda');
  const format = useFormat();
  const size = useFileSize();
  if (files.length === 0) {
    return (
      <Text span size="sm" c="dimmed">
        {t('evidence.none')}
      </Text>
    );
  }
  return (
    <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {files.map((f) => (
        <li key={f.id}>
          <Anchor
            href={evidenceHref(f.id)}
            download={f.filename}
            size="sm"
            underline="always"
            aria-label={t('evidence.download', { name: f.filename })}
          >
            {f.filename}
          </Anchor>
          <Text span size="xs" c="dimmed">
            {' '}
            · {f.mime.replace(/^.*\//, '').toUpperCase()} · {size(f.size)} · {format.date(f.createdAt)}
          </Text>
        </li>
      ))}
    </Stack>
  );
}
