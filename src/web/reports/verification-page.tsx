/**
 * Public certificate verification (`/verifikasi/$code`, no login), the page a piagam's QR code
 * opens: a valid code shows a green card with the awardee, the award, score, band and the
 * publication version (with a link to its permanent page; a superseded version says so and
 * links the current one); an unknown or altered code a red "Kode tidak valid" with what it
 * means. A form checks another code. Light on purpose (a public first visit from a phone): plain
 * form elements, no Mantine inputs or buttons.
 */
import { Stack, Text } from '@mantine/core';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verification } from '../../shared/wire/awards.ts';
import { normaliseCode, useVerification } from '../api/awards.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { BandChip } from '../ui/band-chip.tsx';
import { awardName } from './award-name.ts';
import './reports.css';

export function VerificationResult({ code, result }: { code: string; result: Verification }) {
  const { t } = useTranslation('reports');
  const format = useFormat();
  if (!result.valid) {
    return (
      <section className="rep-card rep-card-invalid" role="alert" data-testid="verify-invalid">
        <h2 className="rep-card-title">
          <span aria-hidden="true">✗</span> {t('verify.invalid_title')}
        </h2>
        <Text>{t('verify.invalid_text', { code })}</Text>
      </section>
    );
  }
  const p = result.publication;
  return (
    <section className="rep-card rep-card-valid" role="status" data-testid="verify-valid">
      <h2 className="rep-card-title">
        <span aria-hidden="true">✓</span> {t('verify.valid_title')}
      </h2>
      <Text>{t('verify.valid_text')}</Text>
      <dl className="rep-facts">
        {result.unit ? (
          <>
            <dt>{t('verify.unit')}</dt>
            <dd data-testid="verify-unit">
              {result.unit.name} · {result.unit.sectorName}
            </dd>
          </>
        ) : null}
        <dt>{t('verify.awardee')}</dt>
        <dd data-testid="verify-body">
          {result.body.name}
          {result.body.provinceName ? ` · ${result.body.provinceName}` : ''}
        </dd>
        <dt>{t('verify.award')}</dt>
        <dd data-testid="verify-award">{awardName(t, result.award, result.unit?.sectorName)}</dd>
        <dt>{t('verify.score')}</dt>
        <dd data-testid="verify-score">{format.score(result.score)}</dd>
        <dt>{t('verify.band')}</dt>
        <dd>
          <BandChip band={result.band} />
        </dd>
        <dt>{t('verify.publication')}</dt>
        <dd>
          {t('verify.publication_value', { cycle: p.cycle.name, scope: p.scopeName, version: p.version })}
          <br />
          {t('verify.published_at', { date: format.date(p.publishedAt) })}
        </dd>
        <dt>{t('verify.content_hash')}</dt>
        <dd className="rep-code">{p.contentHash.slice(0, 16)}…</dd>
      </dl>
      {result.superseded ? (
        <p className="rep-note" data-testid="verify-superseded">
          {t('verify.superseded', { version: p.version })}{' '}
          {result.current ? (
            <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: result.current.id }}>
              {t('verify.open_current', { version: result.current.version })}
            </AnchorLink>
          ) : null}
        </p>
      ) : null}
      <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: p.id }} data-testid="verify-publication-link">
        {t('verify.open_publication')}
      </AnchorLink>
    </section>
  );
}

export function VerificationForm({ initial, onSubmit }: { initial: string; onSubmit: (code: string) => void }) {
  const { t } = useTranslation('reports');
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (normaliseCode(value).length > 0) onSubmit(value.trim());
  };
  const id = useId();
  return (
    <form className="rep-form" onSubmit={submit} role="search">
      <div className="rep-field">
        <label htmlFor={id}>{t('verify.code_label')}</label>
        <span id={`${id}-hint`} className="rep-hint">
          {t('verify.code_hint')}
        </span>
        <input
          id={id}
          aria-describedby={`${id}-hint`}
          className="rep-input"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={40}
        />
      </div>
      <button type="submit" className="rep-button">
        {t('verify.submit')}
      </button>
    </form>
  );
}

/** The verification state of one code: checking, the result, or a retryable error. */
export function VerificationStatus({ code }: { code: string }) {
  const { t } = useTranslation('reports');
  const query = useVerification(code);
  if (normaliseCode(code).length === 0) return null;
  if (query.isPending) {
    return (
      <Text role="status" aria-live="polite">
        {t('verify.checking')}
      </Text>
    );
  }
  if (query.isError) {
    return (
      <Text role="alert" c="red">
        {t('verify.error')}
      </Text>
    );
  }
  return <VerificationResult code={code} result={query.data} />;
}

export function VerificationPage() {
  const { t } = useTranslation('reports');
  const { code = '' } = useParams({ strict: false }) as { code?: string };
  const navigate = useNavigate();
  return (
    <Stack gap="md" p="md" maw={760}>
      <h1 className="rep-h1">{t('verify.title')}</h1>
      <Text>{t('verify.intro')}</Text>
      <VerificationForm initial={code} onSubmit={(next) => void navigate({ to: '/verifikasi/$code', params: { code: next } })} />
      <VerificationStatus code={code} />
    </Stack>
  );
}
