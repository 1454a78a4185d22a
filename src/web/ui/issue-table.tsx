/**
 * The problems of a refused import, one row each: sheet · row · column · message, as Excel shows
 * them (row numbers and column letters), so the user can go straight to the cell. Scrolls
 * sideways on a phone; the summary above it is announced to screen readers.
 */
import { Alert, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../shared/wire/transfer.ts';
import { useFormat } from '../lib/format.ts';

export function IssueTable({ issues }: { issues: ImportIssue[] }) {
  const { t } = useTranslation('transfer');
  const format = useFormat();
  return (
    <Stack gap="xs" component="section" aria-labelledby="import-issues-title">
      <Alert color="red" variant="light" role="alert" title={<span id="import-issues-title">{t('issues.title')}</span>}>
        {t('issues.summary', { count: issues.length, n: format.integer(issues.length) })}
      </Alert>
      <Table.ScrollContainer minWidth={520}>
        <Table striped withTableBorder verticalSpacing="xs" data-testid="import-issues">
          <Table.Caption>{t('issues.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('issues.sheet')}</Table.Th>
              <Table.Th scope="col">{t('issues.row')}</Table.Th>
              <Table.Th scope="col">{t('issues.column')}</Table.Th>
              <Table.Th scope="col">{t('issues.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {issues.map((issue, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a server reply's issue list never reorders
              <Table.Tr key={k} data-code={issue.code}>
                <Table.Td>{issue.sheet ?? (issue.row === null ? t('issues.whole_file') : '—')}</Table.Td>
                <Table.Td className="tabular">{issue.row === null ? '—' : format.integer(issue.row)}</Table.Td>
                <Table.Td>
                  {issue.column === null ? (
                    '—'
                  ) : (
                    <>
                      {issue.column}
                      {issue.header ? (
                        <Text span c="dimmed" size="sm">
                          {' '}
                          (<Code>{issue.header}</Code>)
                        </Text>
                      ) : null}
                    </>
                  )}
                </Table.Td>
                <Table.Td>{issue.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
