/**
 * Filing a dispute on one indicator: a statement (10–4,000 characters) and evidence files
 * (JPEG, PNG, WebP or PDF; a phone can take a photo directly). Checked here before sending; the
 * server checks again (and checks the file content).
 */
import { useId, useRef, useState } from 'react';
import { Alert, Button, CloseButton, Group, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STATEMENT_MAX } from '../../shared/wire/limits.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useFormat } from '../lib/format.ts';
import { EVIDENCE_ACCEPT, type DisputeErrors, hasErrors, validateDispute } from './clarify-model.ts';

export interface DisputeInput {
  indicator: string;
  statement: string;
  files: File[];
}

export function DisputeForm({
  indicator,
  indicatorLabel,
  onSubmit,
  onCancel,
}: {
  indicator: string;
  indicatorLabel: string;
  onSubmit: (input: DisputeInput) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('clarify');
  const format = useFormat();
  const [statement, setStatement] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<DisputeErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const cameraRef = useRef<HTMLInputElement>(null);
  const filesId = useId();

  const addFiles = (list: FileList | null) => {
    if (!list) return;
    const next = [...files, ...Array.from(list)];
    setFiles(next);
    setErrors((e) => {
      const { files: _f, ...rest } = e;
      const check = validateDispute({ indicator, statement, files: next });
      return check.files ? { ...rest, files: check.files } : rest;
    });
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const found = validateDispute({ indicator, statement, files });
    setErrors(found);
    if (hasErrors(found)) return;
    setBusy(true);
    setFailure(null);
    try {
      await onSubmit({ indicator, statement: statement.trim(), files });
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate data-testid="dispute-form">
      <Stack gap="sm">
        <Text size="sm">
          {t('form.indicator')}: <strong>{indicatorLabel}</strong>
        </Text>
        <Textarea
          label={t('form.statement')}
          description={t('form.statement_hint', { n: format.integer(statement.trim().length), max: format.integer(STATEMENT_MAX) })}
          value={statement}
          onChange={(e) => setStatement(e.currentTarget.value)}
          error={errors.statement ? t(errors.statement) : undefined}
          autosize
          minRows={4}
          maxRows={12}
          required
          data-autofocus
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id={filesId}>
            {t('form.evidence')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('form.evidence_hint')}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="sm" onClick={() => fileRef.current?.click()} aria-describedby={filesId}>
              {t('form.choose_files')}
            </Button>
            <Button variant="default" size="sm" onClick={() => cameraRef.current?.click()}>
              {t('form.take_photo')}
            </Button>
          </Group>
          <input
            ref={fileRef}
            type="file"
            multiple
            accept={EVIDENCE_ACCEPT}
            hidden
            data-testid="dispute-files"
            onChange={(e) => {
              addFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          <input
            ref={cameraRef}
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            hidden
            onChange={(e) => {
              addFiles(e.currentTarget.files);
              e.currentTarget.value = '';
            }}
          />
          {files.length > 0 && (
            <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('form.evidence')}>
              {files.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two picked files may share a name; the list only grows or is cleared
                <Group key={`${f.name}-${i}`} component="li" gap="xs" wrap="nowrap">
                  <Text size="sm" truncate style={{ flex: 1, minWidth: 0 }}>
                    {f.name}
                  </Text>
                  <Text size="xs" c="dimmed" className="tabular">
                    {f.size < 1024 * 1024
                      ? `${format.integer(Math.max(1, Math.round(f.size / 1024)))} KB`
                      : `${format.decimal(f.size / 1024 / 1024, 1)} MB`}
                  </Text>
                  <CloseButton
                    size="sm"
                    aria-label={t('form.remove_file', { name: f.name })}
                    onClick={() => {
                      const next = files.filter((_, k) => k !== i);
                      setFiles(next);
                      const check = validateDispute({ indicator, statement, files: next });
                      setErrors((e) => {
                        const { files: _f, ...rest } = e;
                        return check.files ? { ...rest, files: check.files } : rest;
                      });
                    }}
                  />
                </Group>
              ))}
            </Stack>
          )}
          {errors.files && (
            <Text size="sm" c="red" role="alert">
              {t(errors.files)}
            </Text>
          )}
        </Stack>
        {failure !== null && (
          <Alert color="red" role="alert" title={t('form.failed')}>
            {errorMessage(t, failure)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel} disabled={busy}>
              {t('form.cancel')}
            </Button>
          )}
          <Button type="submit" loading={busy}>
            {t('form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
