/**
 * Assumptions, always highlighted as such (methodology.md: the UI must show every ASSUMPTION
 * wherever it affects a number): inline notes beside what they affect, and the full list.
 */
import { Alert, Badge, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Assumption, Scheme } from '../../core/types.ts';
import { toLang } from '../lib/format.ts';

export function AssumptionNotes({ assumptions }: { assumptions: Assumption[] }) {
  const { t, i18n } = useTranslation('admin');
  const lang = toLang(i18n.resolvedLanguage);
  if (!assumptions.length) return null;
  return (
    <Alert color="yellow" variant="light" p="xs" title={t('scheme.assumption_badge')}>
      <Stack gap={4}>
        {assumptions.map((a) => (
          <Text key={a.path + a.note.id} size="sm">
            {a.note[lang]}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

export function SchemeAssumptions({ scheme }: { scheme: Scheme }) {
  const { t, i18n } = useTranslation('admin');
  const lang = toLang(i18n.resolvedLanguage);
  return (
    <Stack gap="sm">
      <Text>{t('scheme.assumptions.intro', { count: scheme.assumptions.length })}</Text>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {scheme.assumptions.map((a) => (
          <li key={a.path + a.note.id}>
            <Alert color="yellow" variant="light" p="sm">
              <Stack gap={4}>
                <Badge color="yellow" variant="filled" c="black" tt="none" w="fit-content">
                  {t('scheme.assumption_badge')}
                </Badge>
                <Text size="sm">{a.note[lang]}</Text>
                <Text size="xs">
                  {t('scheme.assumptions.path')} <Code>{a.path}</Code>
                </Text>
              </Stack>
            </Alert>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
