/**
 * A unit's evidence library as cards (issue 12 §3; one column at 360 px): each document with its
 * type, title, issuing date and validity end, a validity badge (expired in red), where it is used
 * (indicators of cycles — flagged when expired for that cycle —, actions and SKM surveys) with unlink buttons,
 * the download, and its suggestions (related indicators of the unit's running cycles) linked with
 * one click, and a link to one of the unit's surveys (the SKM report's survey suggested first).
 * Data in, callbacks out: `library-screen.tsx` wires the API.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, CloseButton, Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { periodLabel } from '../../core/period-label.ts';
import type {
  LibraryDocumentDetail,
  LibraryDocumentPage,
  LibrarySuggestion,
  LibrarySurveyOption,
  LibraryUse,
} from '../../shared/wire/library-docs.ts';
import { useFormat } from '../lib/format.ts';
import { LibraryValidityBadge } from '../ui/library-picker.tsx';

export interface LibraryListProps {
  page: LibraryDocumentPage;
  fileUrl: (documentId: string) => string;
  onLink: (doc: LibraryDocumentDetail, s: LibrarySuggestion) => void;
  onUnlink: (doc: LibraryDocumentDetail, use: LibraryUse) => void;
  /** Link a document to one of the unit's surveys (`page.surveys`). */
  onLinkSurvey?: (doc: LibraryDocumentDetail, survey: LibrarySurveyOption) => void;
  /** The document and target being linked or unlinked right now. */
  busy?: string | null;
  /** Edit a document's type, title and dates; delete one (the dialog says when it is still linked). */
  onEdit?: (doc: LibraryDocumentDetail) => void;
  onDelete?: (doc: LibraryDocumentDetail) => void;
}

type CardProps = Omit<LibraryListProps, 'page'> & { surveys: LibrarySurveyOption[]; types: LibraryDocumentPage['types'] };

export function LibraryList({ page, ...props }: LibraryListProps) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const expired = page.items.filter((d) => d.validity === 'expired').length;
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Text fw={600}>{t('library.count', { count: page.total })}</Text>
        {expired > 0 && (
          <Badge color="red" variant="filled" autoContrast tt="none">
            {t('library.count_expired', { count: expired })}
          </Badge>
        )}
        <Text size="sm" c="dimmed">
          {t('library.today', { date: format.date(page.today) })}
        </Text>
      </Group>
      {page.items.length === 0 && <Text>{t('library.empty')}</Text>}
      {page.items.map((d) => (
        <DocumentCard key={d.id} doc={d} surveys={page.surveys} types={page.types} {...props} />
      ))}
    </Stack>
  );
}

/** "SKM Triwulan IV 2026" / "F-03 2026": a survey as the library names it. */
export function useSurveyName(): (s: { kind: string; periodKey: string }) => string {
  const { t } = useTranslation('improve');
  const { lang } = useFormat();
  return (s) => t('library.survey_name', { kind: s.kind === 'f03' ? 'F-03' : 'SKM', period: periodLabel(s.periodKey, lang) });
}

/** How a use is named: "S6 · Penilaian 2026", "Tindak lanjut: …", "Survei SKM Triwulan IV 2026". */
export function useUseLabel(): (u: LibraryUse) => string {
  const { t } = useTranslation('improve');
  const surveyName = useSurveyName();
  return (u) =>
    u.kind === 'action'
      ? t('library.use_action', { title: u.actionTitle ?? '' })
      : u.kind === 'survey'
        ? t('library.use_survey', { survey: surveyName({ kind: u.surveyKind ?? 'skm', periodKey: u.surveyPeriodKey ?? '' }) })
        : t('library.use_indicator', { indicator: u.indicator ?? '', cycle: u.cycleName ?? '' });
}

function UseItem({ doc, use, ...props }: { doc: LibraryDocumentDetail; use: LibraryUse } & CardProps) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const label = useUseLabel()(use);
  return (
    <List.Item>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          {use.kind === 'survey' && use.surveyId ? (
            <Anchor href={`/survei/${use.surveyId}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
              {label}
            </Anchor>
          ) : (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {label}
            </Text>
          )}
          {use.indicatorText && (
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {use.indicatorText[format.lang]}
            </Text>
          )}
          {use.kind === 'indicator' && use.validity === 'expired' && (
            <Text size="xs" c="red.9" fw={600}>
              {t('library.expired_for_cycle')}
            </Text>
          )}
          {use.kind === 'survey' && use.validity === 'expired' && (
            <Text size="xs" c="red.9" fw={600}>
              {t('library.expired_now')}
            </Text>
          )}
        </Stack>
        <CloseButton
          size="sm"
          aria-label={t('library.unlink', { target: label })}
          disabled={props.busy != null}
          onClick={() => props.onUnlink(doc, use)}
        />
      </Group>
    </List.Item>
  );
}

function DocumentCard({ doc: d, ...props }: { doc: LibraryDocumentDetail } & CardProps) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const titleId = `library-doc-${d.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-testid="library-doc">
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <LibraryValidityBadge validity={d.validity} />
          <Text size="sm" c="dimmed">
            {d.typeTitle[format.lang]}
          </Text>
        </Group>
        <Title order={3} size="h5" id={titleId} style={{ overflowWrap: 'anywhere' }}>
          {d.title}
        </Title>
        <Text size="sm">
          {t('library.issued_on', { date: format.date(d.issuedOn) })} ·{' '}
          {d.validUntil ? t('library.valid_until', { date: format.date(d.validUntil) }) : t('library.no_end')}
        </Text>
        <Anchor href={props.fileUrl(d.id)} size="sm" underline="always" style={{ overflowWrap: 'anywhere' }}>
          {t('library.download', { name: d.filename })}
        </Anchor>
        <Text size="sm" fw={600}>
          {t('library.used_in')}
        </Text>
        {d.uses.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('library.not_used')}
          </Text>
        ) : (
          <List size="sm" spacing={4}>
            {d.uses.map((u) => (
              <UseItem key={u.id} doc={d} use={u} {...props} />
            ))}
          </List>
        )}
        <Group gap="xs" wrap="wrap">
          <Button variant="light" size="xs" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? t('library.hide_suggestions') : t('library.show_suggestions', { count: d.suggestions.length })}
          </Button>
          {props.onEdit && (
            <Button variant="default" size="xs" onClick={() => props.onEdit!(d)} aria-label={t('library.edit_of', { title: d.title })}>
              {t('library.edit')}
            </Button>
          )}
          {props.onDelete && (
            <Button
              variant="default"
              color="red"
              size="xs"
              onClick={() => props.onDelete!(d)}
              aria-label={t('library.delete_of', { title: d.title })}
            >
              {t('library.delete')}
            </Button>
          )}
        </Group>
        {open && <Suggestions doc={d} {...props} />}
        {props.onLinkSurvey && offersSurvey(d, props.types) && <SurveyLink doc={d} {...props} />}
      </Stack>
    </Paper>
  );
}

/**
 * Whether a card offers the survey select. The server links any document of the unit to any of the
 * unit's surveys, but on the library most documents have nothing to do with a survey (an SOP, a
 * decree on opening hours): the select is offered where the document goes with a survey — one is
 * suggested for it (its type shares a topic with the survey's scheme: a Laporan SKM and an SKM), it
 * is already linked to one, or its type names no topic ("Lainnya": an SKM follow-up publication, say).
 * Any other document is still linked from the survey's own screen, whose library picker lists every document.
 */
function offersSurvey(d: LibraryDocumentDetail, types: LibraryDocumentPage['types']): boolean {
  if (d.suggestedSurveys.length > 0 || d.uses.some((u) => u.kind === 'survey')) return true;
  const type = types.find((ty) => ty.code === d.type);
  return type !== undefined && type.topics.length === 0;
}

/** Link the document to one of the unit's surveys not linked yet; the suggested ones first, marked. */
function SurveyLink({ doc: d, surveys, onLinkSurvey, busy }: { doc: LibraryDocumentDetail } & CardProps) {
  const { t } = useTranslation('improve');
  const surveyName = useSurveyName();
  const linked = new Set(d.uses.map((u) => u.surveyId));
  const open = surveys
    .filter((s) => !linked.has(s.id))
    .sort((a, b) => Number(d.suggestedSurveys.includes(b.id)) - Number(d.suggestedSurveys.includes(a.id)));
  const [chosen, setChosen] = useState('');
  if (open.length === 0) return null;
  const value = open.some((s) => s.id === chosen) ? chosen : open[0]!.id;
  const survey = open.find((s) => s.id === value)!;
  const key = `${d.id}:survey:${value}`;
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <NativeSelect
        size="xs"
        label={t('library.survey_select')}
        aria-label={t('library.survey_select_of', { title: d.title })}
        value={value}
        onChange={(e) => setChosen(e.currentTarget.value)}
        data={open.map((s) => ({
          value: s.id,
          label: d.suggestedSurveys.includes(s.id) ? t('library.survey_suggested', { survey: surveyName(s) }) : surveyName(s),
        }))}
        style={{ flex: '1 1 200px', maxWidth: 360 }}
      />
      <Button
        size="xs"
        variant="light"
        onClick={() => onLinkSurvey!(d, survey)}
        loading={busy === key}
        disabled={busy != null}
        aria-label={t('library.link_survey_of', { title: d.title, survey: surveyName(survey) })}
      >
        {t('library.link_survey')}
      </Button>
    </Group>
  );
}

function Suggestions({ doc: d, ...props }: { doc: LibraryDocumentDetail } & CardProps) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  if (d.suggestions.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('library.no_suggestions')}
      </Text>
    );
  return (
    <Stack gap="xs" component="section" aria-label={t('library.suggestions')}>
      <Text size="sm" c="dimmed">
        {t('library.suggestions_hint')}
      </Text>
      {d.suggestions.map((s) => {
        const key = `${d.id}:${s.cycleId}:${s.indicator}`;
        return (
          <Paper key={key} withBorder p="xs" bg="var(--mantine-color-default-hover)">
            <Stack gap={4}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {s.indicator} · {s.cycleName}
              </Text>
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {s.text[format.lang]}
              </Text>
              <Group gap="xs" wrap="wrap">
                <Text size="xs" c="dimmed">
                  {t(`library.family.${s.family}`, { defaultValue: s.family })} · {t(`library.reason.${s.reason}`)}
                </Text>
                {s.validity === 'expired' && (
                  <Text size="xs" c="red.9" fw={600}>
                    {t('library.expired_for_cycle')}
                  </Text>
                )}
                <Button
                  size="compact-sm"
                  onClick={() => props.onLink(d, s)}
                  loading={props.busy === key}
                  disabled={props.busy != null}
                  aria-label={t('library.link', { indicator: `${s.indicator} · ${s.cycleName}` })}
                >
                  {t('library.link', { indicator: s.indicator })}
                </Button>
              </Group>
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
