/**
 * Publishing a scope: the scope (fixed to the own province for a pimpinan; the nation or any
 * province for an admin), the embargo moment, and a confirmation that names what is permanent.
 * A refusal stays in the dialog in the server's words.
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicationMeta } from '../../shared/wire/publications.ts';
import { usePublish } from '../api/publications-writes.ts';
import { useFormat } from '../lib/format.ts';
import { AnchorLink } from '../ui/anchor-link.tsx';
import { publicAtToIso } from './publish-model.ts';
import { zoneOf, zoneOffset } from '../../shared/local-time.ts';
import { ServerRefusal } from './server-message.tsx';

export interface ScopeOption {
  value: string;
  label: string;
}

export interface PublishFormProps {
  cycleId: string;
  /** One option = fixed scope (pimpinan). */
  scopes: ScopeOption[];
  scope: string;
  onScopeChange: (scope: string) => void;
  /** A version is already in force for the chosen scope: corrections go through an erratum. */
  current: PublicationMeta | null;
  onPublished?: (meta: PublicationMeta) => void;
  /** issue 16: why "Terbitkan" is disabled (blockers on the readiness list), or null. */
  blockedReason?: string | null;
}

export function PublishForm({ cycleId, scopes, scope, onScopeChange, current, onPublished, blockedReason = null }: PublishFormProps) {
  const { t } = useTranslation('publish');
  const format = useFormat({ timeZone: zoneOf(scope === 'national' ? null : scope).tz });
  const publish = usePublish(cycleId);
  const [publicAt, setPublicAt] = useState('');
  const [dateError, setDateError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<PublicationMeta | null>(null);
  const scopeLabel = scopes.find((s) => s.value === scope)?.label ?? scope;
  const zone = zoneOf(scope === 'national' ? null : scope);
  const iso = publicAtToIso(publicAt, zoneOffset(zone));

  const ask = () => {
    if (iso === undefined) {
      setDateError(t('form.public_at_invalid'));
      return;
    }
    setDateError(null);
    publish.reset();
    setConfirming(true);
  };
  const confirm = () =>
    publish.mutate(iso ? { scope, publicAt: iso } : { scope }, {
      onSuccess: (meta) => {
        setConfirming(false);
        setPublicAt('');
        setDone(meta);
        onPublished?.(meta);
      },
    });

  return (
    <Stack gap="sm" component="section" aria-labelledby="publish-title">
      <Title order={2} size="h4" id="publish-title">
        {t('form.title')}
      </Title>
      {done && (
        <Alert color="green" title={t('form.done_title', { version: done.version })} data-testid="publish-done">
          <Text size="sm">
            {done.released ? t('form.done_public') : t('form.done_embargo', { date: format.dateTime(done.publicAt) })}{' '}
            <AnchorLink to="/publikasi/$publicationId" params={{ publicationId: done.id }} fw={600}>
              {t('form.open_page')}
            </AnchorLink>
          </Text>
        </Alert>
      )}
      {scopes.length > 1 ? (
        <NativeSelect
          label={t('form.scope')}
          value={scope}
          onChange={(e) => onScopeChange(e.currentTarget.value)}
          data={scopes}
          maw={420}
        />
      ) : (
        <Text size="sm">
          <Text span c="dimmed">
            {t('form.scope')}:
          </Text>{' '}
          <Text span fw={650} data-testid="publish-scope">
            {scopeLabel}
          </Text>
        </Text>
      )}
      {current ? (
        <Text size="sm" data-testid="publish-has-current">
          {t('form.has_current', { version: current.version })}
        </Text>
      ) : (
        <>
          <TextInput
            type="datetime-local"
            label={t('form.public_at')}
            description={`${t('form.public_at_help')} (${zone.label})`}
            value={publicAt}
            onChange={(e) => {
              setPublicAt(e.currentTarget.value);
              setDateError(null);
            }}
            error={dateError}
            maw={420}
          />
          <Button onClick={ask} w="fit-content" disabled={!!blockedReason} aria-describedby={blockedReason ? 'publish-blocked' : undefined}>
            {t('form.submit')}
          </Button>
          {blockedReason && (
            <Text size="sm" className="pub-warn" id="publish-blocked" data-testid="publish-blocked">
              {blockedReason}
            </Text>
          )}
          {!confirming && publish.error && <ServerRefusal error={publish.error} />}
        </>
      )}
      <Modal opened={confirming} onClose={() => !publish.isPending && setConfirming(false)} title={t('confirm.title')} centered>
        <Stack gap="sm">
          <Text>{t('confirm.body', { scope: scopeLabel })}</Text>
          <Text size="sm" fw={600}>
            {iso ? t('confirm.public_at', { date: format.dateTime(iso) }) : t('confirm.public_now')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('confirm.permanent')}
          </Text>
          {publish.error && <ServerRefusal error={publish.error} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={publish.isPending}>
              {t('confirm.cancel')}
            </Button>
            <Button onClick={confirm} loading={publish.isPending}>
              {t('confirm.publish')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
