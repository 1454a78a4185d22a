/**
 * Every version of one scope, newest first: number, status ("Berlaku"/"Digantikan"), when it was
 * published and when the public sees it, by whom, why (errata), its content hash shortened, and
 * a link to its permanent page. The version in force offers "Terbitkan ralat".
 */
import { useId } from 'react';
import { Button, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicationMeta } from '../../shared/wire/publications.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { StatusBadge } from '../ui/publication-status.tsx';
import { shortHash } from './publish-model.ts';
import './publish.css';

export interface VersionHistoryProps {
  versions: PublicationMeta[];
  scopeName: string;
  /** Opens the erratum form for the version in force (omitted: read only). */
  onErratum?: (publication: PublicationMeta) => void;
}

export function VersionHistory({ versions, scopeName, onErratum }: VersionHistoryProps) {
  const { t } = useTranslation('publish');
  const _format = useFormat();
  if (versions.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('history.none', { scope: scopeName })}
      </Text>
    );
  }
  return (
    <>
      <VersionCards versions={versions} scopeName={scopeName} onErratum={onErratum} />
      <div className="pub-wide-only">
        <VersionTable versions={versions} scopeName={scopeName} onErratum={onErratum} />
      </div>
    </>
  );
}

/** Phones: one card per version (the table needs ~760 px). */
function VersionCards({ versions, scopeName, onErratum }: VersionHistoryProps) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  const captionId = useId();
  return (
    <div className="pub-narrow-only">
      <Text size="sm" fw={600} mb={4} id={captionId}>
        {t('history.caption', { scope: scopeName })}
      </Text>
      <ol className="pub-version-cards" aria-labelledby={captionId}>
        {versions.map((v) => (
          <li key={v.id} data-version={v.version}>
            <div className="pub-version-head">
              <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: v.id }} fw={650}>
                {t('history.version_n', { version: v.version })}
              </AnchorLink>
              <StatusBadge status={v.status} />
            </div>
            <Text size="sm">
              {t('history.published')}: {format.dateTime(v.publishedAt)}
              {v.publishedBy ? ` ${t('history.by', { name: v.publishedBy })}` : ''}
            </Text>
            <Text size="sm">
              {t('history.public_at')}: {format.dateTime(v.publicAt)}
            </Text>
            {!v.released && (
              <Text size="xs" fw={600} className="pub-embargo-text">
                {t('history.embargo')}
              </Text>
            )}
            <Text size="sm">
              {t('history.reason')}: {v.reason ?? (v.version === 1 ? t('history.first') : '—')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('history.hash')}: <Code title={v.contentHash}>{shortHash(v.contentHash)}</Code>
            </Text>
            {v.status === 'current' && onErratum && (
              <Button size="xs" variant="light" onClick={() => onErratum(v)} w="fit-content">
                {t('history.erratum')}
              </Button>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function VersionTable({ versions, scopeName, onErratum }: VersionHistoryProps) {
  const { t } = useTranslation('publish');
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder verticalSpacing="xs" captionSide="top" data-testid="version-history">
        <Table.Caption>{t('history.caption', { scope: scopeName })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('history.version')}</Table.Th>
            <Table.Th scope="col">{t('history.status')}</Table.Th>
            <Table.Th scope="col">{t('history.published')}</Table.Th>
            <Table.Th scope="col">{t('history.public_at')}</Table.Th>
            <Table.Th scope="col">{t('history.reason')}</Table.Th>
            <Table.Th scope="col">{t('history.hash')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('history.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.id} data-version={v.version} data-status={v.status}>
              <Table.Th scope="row">
                <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: v.id }} fw={650}>
                  {t('history.version_n', { version: v.version })}
                </AnchorLink>
              </Table.Th>
              <Table.Td>
                <StatusBadge status={v.status} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTime(v.publishedAt)}</Text>
                {v.publishedBy && (
                  <Text size="xs" c="dimmed">
                    {t('history.by', { name: v.publishedBy })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.dateTime(v.publicAt)}</Text>
                {!v.released && (
                  <Text size="xs" fw={600} className="pub-embargo-text">
                    {t('history.embargo')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm">{v.reason ?? (v.version === 1 ? t('history.first') : '—')}</Text>
              </Table.Td>
              <Table.Td>
                <Code title={v.contentHash}>{shortHash(v.contentHash)}</Code>
              </Table.Td>
              <Table.Td>
                {v.status === 'current' && onErratum && (
                  <Button size="xs" variant="light" onClick={() => onErratum(v)}>
                    {t('history.erratum')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
