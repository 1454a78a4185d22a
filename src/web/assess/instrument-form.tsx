/**
 * One sheet of an instrument, generated from the scheme: the respondent label, every covered
 * indicator grouped by dimension and variable with its level descriptors, a notes field.
 * Submitting validates (every indicator answered, a respondent label) with translated
 * messages and an error summary that takes focus; only a complete sheet reaches `onSubmit`.
 * Controlled: the parent owns the value (draft autosave and the score preview read it).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Anchor, Button, Group, List, Progress, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Indicator, Instrument, Scheme } from '../../core/types.ts';
import { useFormat } from '../lib/format.ts';
import { IndicatorQuestion } from './indicator-question.tsx';
import { coveredIndicators, hasErrors, sheetSections, validateSheet, type SheetValue } from './sheet-model.ts';

export interface InstrumentFormProps {
  scheme: Scheme;
  instrument: Instrument;
  value: SheetValue;
  onChange: (update: (prev: SheetValue) => SheetValue) => void;
  onSubmit: (value: SheetValue) => void;
  submitting?: boolean;
  /** Extra actions beside submit (e.g. "save draft"). */
  actions?: React.ReactNode;
  /** Shown under each question (assignment sheets: reviewer comment, remark, evidence). */
  indicatorExtra?: (indicator: Indicator) => React.ReactNode;
}

export function InstrumentForm({
  scheme,
  instrument,
  value,
  onChange,
  onSubmit,
  submitting = false,
  actions,
  indicatorExtra,
}: InstrumentFormProps) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const lang = format.lang;
  const sections = sheetSections(scheme, instrument);
  const total = coveredIndicators(sections).length;
  const answered = coveredIndicators(sections).filter((i) => typeof value.answers[i.code] === 'number').length;
  const errors = validateSheet(sections, value);
  const [attempts, setAttempts] = useState(0);
  const showErrors = attempts > 0;
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (attempts > 0) summaryRef.current?.focus();
  }, [attempts]);

  const setAnswer = useCallback(
    (code: string, level: number) => onChange((prev) => ({ ...prev, answers: { ...prev.answers, [code]: level } })),
    [onChange],
  );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (hasErrors(errors)) setAttempts((n) => n + 1);
    else onSubmit(value);
  };

  const invalid = showErrors && hasErrors(errors);
  return (
    <form onSubmit={submit} noValidate aria-labelledby="sheet-title">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2" id="sheet-title">
            {instrument.title[lang]}
          </Title>
          <Text c="dimmed" size="sm">
            {scheme.title[lang]} · {t('form.respondent_kind', { kind: instrument.respondent[lang] })}
          </Text>
          <Text size="sm" id="sheet-progress">
            {t('form.progress', { answered: format.integer(answered), total: format.integer(total) })}
          </Text>
          {/* Mantine passes only aria-label (not aria-labelledby) to the element with role=progressbar. */}
          <Progress
            value={total ? (answered / total) * 100 : 0}
            size="sm"
            aria-label={t('form.progress', { answered: format.integer(answered), total: format.integer(total) })}
          />
        </Stack>

        {invalid && (
          <Alert ref={summaryRef} tabIndex={-1} color="red" role="alert" title={t('form.summary.title')}>
            <Text size="sm">{t('form.summary.body', { count: errors.unanswered.length + (errors.respondent ? 1 : 0) })}</Text>
            <List size="sm" mt="xs">
              {errors.respondent && (
                <List.Item>
                  <Anchor href="#sheet-respondent">{t('form.validation.respondent_required')}</Anchor>
                </List.Item>
              )}
              {errors.unanswered.map((code) => (
                <List.Item key={code}>
                  <Anchor href={`#q-${code}`}>{t('form.summary.unanswered', { code })}</Anchor>
                </List.Item>
              ))}
            </List>
          </Alert>
        )}

        <TextInput
          id="sheet-respondent"
          label={t('form.respondent.label')}
          description={t('form.respondent.description', { kind: instrument.respondent[lang] })}
          placeholder={t(instrument.perProduct ? 'form.respondent.placeholder_product' : 'form.respondent.placeholder')}
          required
          value={value.respondent}
          onChange={(e) => {
            const respondent = e.currentTarget.value;
            onChange((prev) => ({ ...prev, respondent }));
          }}
          error={showErrors && errors.respondent ? t('form.validation.respondent_required') : undefined}
        />

        {sections.map((section) => (
          <Stack component="section" key={section.code} gap="md" aria-labelledby={`sec-${section.code}`}>
            <Title order={2} size="h3" id={`sec-${section.code}`}>
              {t(section.kind === 'dimension' ? 'form.section.dimension' : 'form.section.supplement', {
                title: section.title[lang],
              })}
              {section.weight !== undefined && (
                <Text span c="dimmed" fw={400} fz="sm" ml="xs">
                  {t('form.section.weight', { weight: format.percent(section.weight, 3) })}
                </Text>
              )}
            </Title>
            {section.variables.map((variable) => (
              <Stack key={variable.code} gap="md">
                {section.kind === 'dimension' && (
                  <Title order={3} size="h5" c="dimmed">
                    {variable.title[lang]}
                  </Title>
                )}
                {variable.indicators.map((indicator) => (
                  <div key={indicator.code}>
                    <IndicatorQuestion
                      indicator={indicator}
                      value={value.answers[indicator.code]}
                      onChange={setAnswer}
                      lang={lang}
                      error={showErrors && errors.unanswered.includes(indicator.code) ? t('form.validation.answer_required') : undefined}
                    />
                    {indicatorExtra?.(indicator)}
                  </div>
                ))}
              </Stack>
            ))}
          </Stack>
        ))}

        <Textarea
          label={t('form.notes.label')}
          description={t('form.notes.description')}
          autosize
          minRows={3}
          value={value.notes}
          onChange={(e) => {
            const notes = e.currentTarget.value;
            onChange((prev) => ({ ...prev, notes }));
          }}
        />

        <Group gap="sm">
          <Button type="submit" loading={submitting}>
            {t('form.submit')}
          </Button>
          {actions}
        </Group>
      </Stack>
    </form>
  );
}
