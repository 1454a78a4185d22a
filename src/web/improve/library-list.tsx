/**
 * A unit's evidence library as cards (issue 12 §3; one column at 360 px): each document with its
 * type, title, issuing date and validity end, a validity badge (expired in red), where it is used
 * (indicators of cycles — flagged when expired for that cycle — and actions) with unlink buttons,
 * the download, and its suggestions (related indicators of the unit's running cycles) linked with
 * one click. Data in, callbacks out: `library-screen.tsx` wires the API.
 */
import { useState } from 'react';
import { Anchor, Badge, Button, CloseButton, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LibraryDocumentDetail, LibraryDocumentPage, LibrarySuggestion, LibraryUse } from '../../shared/wire/library-docs.ts';
import { useFormat } from '../lib/format.ts';
import { LibraryValidityBadge } from '../ui/library-picker.tsx';

export interface LibraryListProps {
  page: LibraryDocumentPage;
  fileUrl: (documentId: string) => string;
  onLink: (doc: LibraryDocumentDetail, s: LibrarySuggestion) => void;
  onUnlink: (doc: LibraryDocumentDetail, use: LibraryUse) => void;
  /** The document and target being linked or unlinked right now. */
  busy?: string | null;
  /** Edit a document's type, title and dates; delete one (the dialog says when it is still linked). */
  onEdit?: (doc: LibraryDocumentDetail) => void;
  onDelete?: (doc: LibraryDocumentDetail) => void;
}

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
        <DocumentCard key={d.id} doc={d} {...props} />
      ))}
    </Stack>
  );
}

function useLabel(u: LibraryUse): string {
  const { t } = useTranslation('improve');
  return u.kind === 'action'
    ? t('library.use_action', { title: u.actionTitle ?? '' })
    : t('library.use_indicator', { indicator: u.indicator ?? '', cycle: u.cycleName ?? '' });
}

function UseItem({ doc, use, ...props }: { doc: LibraryDocumentDetail; use: LibraryUse } & Omit<LibraryListProps, 'page'>) {
  const { t } = useTranslation('improve');
  const format = useFormat();
  const label = useLabel(use);
  return (
    <List.Item>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {label}
          </Text>
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

function DocumentCard({ doc: d, ...props }: { doc: LibraryDocumentDetail } & Omit<LibraryListProps, 'page'>) {
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
      </Stack>
    </Paper>
  );
}

function Suggestions({ doc: d, ...props }: { doc: LibraryDocumentDetail } & Omit<LibraryListProps, 'page'>) {
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
