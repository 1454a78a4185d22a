/** Evidence files as small previews (images) or links (PDF), each opening the file itself. */
import { Anchor, Group, Image, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Evidence } from '../../shared/wire/evidence.ts';
import { API_BASE } from '../lib/api.ts';

export function EvidenceThumbs({ files }: { files: Evidence[] }) {
  const { t } = useTranslation('review');
  if (files.length === 0) return null;
  return (
    <Group gap="xs" data-testid="evidence-thumbs">
      {files.map((f) => {
        const href = `${API_BASE}/evidence/${f.id}`;
        return f.mime.startsWith('image/') ? (
          <Anchor key={f.id} href={href} target="_blank" rel="noopener" aria-label={t('evidence.open', { name: f.filename })}>
            <Image src={href} alt={f.filename} w={88} h={66} fit="cover" radius="sm" loading="lazy" />
          </Anchor>
        ) : (
          <Anchor key={f.id} href={href} target="_blank" rel="noopener" size="sm">
            <Text span size="sm">
              {t('evidence.pdf', { name: f.filename })}
            </Text>
          </Anchor>
        );
      })}
    </Group>
  );
}
