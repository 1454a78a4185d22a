/**
 * Issue 17: a body's unit locations in bulk — download the template (this body's units with what
 * is known, as CSV in the import's column names), fill it in Excel, upload the .xlsx or CSV. A
 * refused file lists every problem (sheet · row · column · message) and nothing is saved; an
 * accepted one says how many units changed.
 */
import { useState } from 'react';
import { Alert, Anchor, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportIssue } from '../../shared/wire/transfer.ts';
import type { UnitLocationsImported } from '../../shared/wire/registry.ts';
import { getUnitsQueryOptions } from '../api/registry.ts';
import { useImportUnitLocations } from '../api/registry-writes.ts';
import { importIssues } from '../api/transfer.ts';
import { useQueryClient } from '@tanstack/react-query';
import { toLang } from '../lib/format.ts';
import { IssueTable } from '../ui/issue-table.tsx';
import { formErrorMessage } from './form-errors.ts';
import { locationsCsv } from './unit-location-model.ts';

export function UnitLocationsImport({ bodyId, bodyCode }: { bodyId: string; bodyCode: string }) {
  // The problems' table speaks the import screens' words (namespace `transfer`): load both at once.
  const { t, i18n } = useTranslation(['admin', 'transfer']);
  const queryClient = useQueryClient();
  const upload = useImportUnitLocations(bodyId);
  const [file, setFile] = useState<File | null>(null);
  const [issues, setIssues] = useState<ImportIssue[] | null>(null);
  const [done, setDone] = useState<UnitLocationsImported | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [template, setTemplate] = useState<'idle' | 'busy'>('idle');

  const downloadTemplate = async () => {
    setTemplate('busy');
    try {
      const all = [];
      for (let page = 1; ; page++) {
        const p = await queryClient.fetchQuery(getUnitsQueryOptions(bodyId, { page, pageSize: 200, active: 'all' }));
        all.push(...p.items);
        if (all.length >= p.total || p.items.length === 0) break;
      }
      // A BOM so Excel reads the names' accents as UTF-8.
      const blob = new Blob([`\uFEFF${locationsCsv(all)}`], { type: 'text/csv;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `lokasi-unit-${bodyCode}.csv`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      setFailure(formErrorMessage(t, error));
    } finally {
      setTemplate('idle');
    }
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setIssues(null);
    setDone(null);
    setFailure(null);
    try {
      setDone(await upload.mutateAsync({ file, lang: toLang(i18n.language) }));
      setFile(null);
    } catch (error) {
      const list = importIssues(error);
      if (list) setIssues(list);
      else setFailure(formErrorMessage(t, error));
    }
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="locations-import-title">
      <Title order={2} size="h4" id="locations-import-title">
        {t('units.import.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('units.import.intro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <Anchor component="button" type="button" fw={600} onClick={() => void downloadTemplate()} disabled={template === 'busy'}>
              {t('units.import.template')}
            </Anchor>
            <Text size="sm" c="dimmed">
              {t('units.import.template_hint')}
            </Text>
          </Group>
          <FileInput
            label={t('units.import.file')}
            description={t('units.import.file_hint')}
            placeholder={t('units.import.file_placeholder')}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
            clearButtonProps={{ 'aria-label': t('units.import.file_clear') }}
            disabled={upload.isPending}
          />
          <Group>
            <Button type="submit" loading={upload.isPending} disabled={!file}>
              {t('units.import.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {done && (
        <Alert color="green" role="status" title={t('units.import.done_title')}>
          {t('units.import.done', { updated: done.updated, unchanged: done.unchanged })}
        </Alert>
      )}
      {failure && (
        <Alert color="red" role="alert" title={t('common.failed')}>
          {failure}
        </Alert>
      )}
      {issues && <IssueTable issues={issues} />}
    </Stack>
  );
}
