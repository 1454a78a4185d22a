/**
 * PEKPPP (issue 10): the organisation that evaluates one locus entry — KemenPANRB, the province's
 * Biro Organisasi or the government's own Bagian/Biro Organisasi — shown on the cycle's locus and
 * changeable while the locus is open (locus.manage). The server's refusals (an organisation that
 * may not evaluate the entry, units still assigned to another organisation's evaluator) are shown
 * in the caller's language.
 */
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvaluatorOrganisation } from '../api/locus.ts';
import { useSetEvaluatorOrganisation } from '../api/locus-writes.ts';
import { errorMessage } from '../lib/error-message.ts';
import { organisationLabel } from '../ui/organisation-label.ts';

export function EvaluatorOrganisation({
  cycleId,
  bodyId,
  bodyName,
  editable,
}: {
  cycleId: string;
  bodyId: string;
  bodyName: string;
  editable: boolean;
}) {
  const { t } = useTranslation('admin');
  const { t: tp } = useTranslation('pekppp');
  const query = useEvaluatorOrganisation(cycleId, bodyId);
  const save = useSetEvaluatorOrganisation(cycleId, bodyId);
  const [chosen, setChosen] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  if (query.isError)
    return (
      <Text size="sm" role="alert" c="red.8">
        {errorMessage(t, query.error)}
      </Text>
    );
  if (!query.data) return null;
  const current = query.data.organisation;
  const value = chosen ?? current?.id ?? '';
  const currentLabel = current ? organisationLabel(tp, current) : t('evaluator_organisation.none');
  return (
    <Stack gap={4} data-testid="evaluator-organisation">
      {editable ? (
        <Group gap="xs" align="end" wrap="wrap">
          <NativeSelect
            size="xs"
            label={t('evaluator_organisation.label', { name: bodyName })}
            value={value}
            onChange={(e) => {
              setChosen(e.currentTarget.value);
              setMessage(null);
            }}
            data={[
              ...(current ? [] : [{ value: '', label: t('evaluator_organisation.none') }]),
              ...query.data.options.map((o) => ({ value: o.id, label: organisationLabel(tp, o) })),
            ]}
            style={{ flex: '1 1 16rem', maxWidth: '28rem' }}
          />
          <Button
            size="xs"
            variant="light"
            disabled={value === '' || value === current?.id}
            loading={save.isPending}
            onClick={() =>
              save.mutate(value, {
                onSuccess: (out) => {
                  setChosen(null);
                  setMessage({
                    ok: true,
                    text: t('evaluator_organisation.saved', {
                      organisation: out.organisation ? organisationLabel(tp, out.organisation) : '',
                    }),
                  });
                },
                onError: (e) => setMessage({ ok: false, text: errorMessage(t, e) }),
              })
            }
          >
            {t('evaluator_organisation.save')}
          </Button>
        </Group>
      ) : (
        <Text size="sm">{t('evaluator_organisation.current', { organisation: currentLabel })}</Text>
      )}
      {message ? (
        <Text size="sm" role={message.ok ? 'status' : 'alert'} c={message.ok ? undefined : 'red.8'}>
          {message.text}
        </Text>
      ) : null}
    </Stack>
  );
}
