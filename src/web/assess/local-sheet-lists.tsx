/** The drafts and the outbox on this device, as two lists. */
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../lib/format.ts';
import { getSchemesQueryOptions } from '../lib/schemes.ts';
import { ButtonLink } from '../ui/links.tsx';
import { PageLoader } from '../ui/page-loader.tsx';
import { discardDraft } from './local-actions.ts';
import { useDrafts, useOutbox } from './use-local-sheets.ts';

/** "Instrument title · year" and the number of questions, once the library is loaded (codes until then). */
function useSheetLookup(): (schemeId: string, instrument: string) => { label: string; total: number | null } {
  const { data } = useQuery(getSchemesQueryOptions());
  const { lang } = useFormat();
  return (schemeId, instrument) => {
    const scheme = data?.find((s) => s.id === schemeId);
    const ins = scheme?.instruments.find((i) => i.code === instrument);
    if (!scheme || !ins) return { label: `${schemeId} · ${instrument}`, total: null };
    return { label: `${ins.title[lang]} · ${scheme.year}`, total: ins.covers.length };
  };
}

function answeredCount(answers: Record<string, number | null>): number {
  return Object.values(answers).filter((v) => typeof v === 'number').length;
}

export function DraftList() {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const drafts = useDrafts();
  const lookup = useSheetLookup();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="drafts-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="drafts-title">
          {t('home.drafts.title')}
        </Title>
        {drafts === undefined && <PageLoader />}
        {drafts?.length === 0 && <Text c="dimmed">{t('home.drafts.empty')}</Text>}
        {drafts?.map((d) => {
          const name = d.value.respondent.trim() || t('home.drafts.unnamed');
          const { label, total } = lookup(d.schemeId, d.instrument);
          const answered = format.integer(answeredCount(d.value.answers));
          return (
            <Group key={d.id} justify="space-between" wrap="wrap" gap="xs" py={4}>
              <Stack gap={0}>
                <Text fw={600}>{name}</Text>
                <Text size="xs" c="dimmed">
                  {label} · {t('home.drafts.updated', { when: format.dateTime(d.updatedAt) })}
                </Text>
              </Stack>
              <Group gap="xs">
                <Badge variant="light" tt="none">
                  {total === null ? answered : t('home.drafts.answered', { answered, total: format.integer(total) })}
                </Badge>
                {d.cycleId ? (
                  <ButtonLink
                    to="/assignments/$cycleId/$unitId/sheets/$sheetId"
                    params={{ cycleId: d.cycleId, unitId: d.unitKey, sheetId: d.id }}
                    size="xs"
                    aria-label={t('home.drafts.continue_label', { name })}
                  >
                    {t('home.drafts.continue')}
                  </ButtonLink>
                ) : (
                  <ButtonLink
                    to="/assess/sheets/$sheetId"
                    params={{ sheetId: d.id }}
                    size="xs"
                    aria-label={t('home.drafts.continue_label', { name })}
                  >
                    {t('home.drafts.continue')}
                  </ButtonLink>
                )}
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('home.drafts.delete_label', { name })}
                  onClick={() => {
                    if (window.confirm(t('home.drafts.delete_confirm'))) void discardDraft(d.id);
                  }}
                >
                  {t('home.drafts.delete')}
                </Button>
              </Group>
            </Group>
          );
        })}
      </Stack>
    </Card>
  );
}

export function OutboxList() {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const outbox = useOutbox();
  const lookup = useSheetLookup();
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="outbox-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="outbox-title">
          {t('home.outbox.title')}
        </Title>
        {outbox === undefined && <PageLoader />}
        {outbox?.length === 0 && <Text c="dimmed">{t('home.outbox.empty')}</Text>}
        {outbox && outbox.length > 0 && <Text>{t('home.outbox.count', { count: outbox.length, n: format.integer(outbox.length) })}</Text>}
        {outbox?.map((e) => (
          <Text key={e.id} size="sm">
            {e.value.respondent} · {lookup(e.schemeId, e.instrument).label} ·{' '}
            <Text span c="dimmed" size="xs">
              {t('home.outbox.queued_at', { when: format.dateTime(e.queuedAt) })}
            </Text>
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
