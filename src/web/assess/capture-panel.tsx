/**
 * Issue 13 §2: what the device records with a sheet — when it was started, where (GPS with
 * accuracy, with permission) and the respondent's identity as a hash — and what the sheet says
 * when the position is missing or far from the unit (the server's 'far-from-unit' rule).
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Scheme } from '../../core/types.ts';
import { useUnit } from '../api/registry.ts';
import { useFormat } from '../lib/format.ts';
import { capturePosition, positionVerdict, respondentKeyOf } from './capture.ts';
import type { SheetValue } from './sheet-model.ts';

export function CapturePanel({
  unitId,
  scheme,
  value,
  onChange,
}: {
  unitId: string;
  scheme: Scheme;
  value: SheetValue;
  onChange: (update: (prev: SheetValue) => SheetValue) => void;
}) {
  const { t } = useTranslation('assess');
  const format = useFormat();
  const unit = useUnit(unitId);
  const [locating, setLocating] = useState(false);
  const [identity, setIdentity] = useState('');
  const asked = useRef(false);
  const capture = value.capture;

  const locate = async () => {
    setLocating(true);
    const fix = await capturePosition();
    setLocating(false);
    onChange((prev) => {
      const c = { ...prev.capture, ...fix };
      if (!fix.position) c.position = prev.capture?.position ?? null; // keep an earlier fix
      return { ...prev, capture: c };
    });
  };

  // The first opening stamps the start time and asks for the position once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per sheet
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    if (!capture?.startedAt) onChange((prev) => ({ ...prev, capture: { ...prev.capture, startedAt: new Date().toISOString() } }));
    if (!capture?.position) void locate();
  }, []);

  const verdict = positionVerdict(capture, unit.data ?? undefined, scheme.fieldwork?.maxDistanceMetres);
  const color = verdict.kind === 'near' ? 'green' : verdict.kind === 'far' ? 'orange' : verdict.kind === 'missing' ? 'yellow' : 'gray';
  const message =
    verdict.kind === 'near' || verdict.kind === 'far'
      ? t(`capture.${verdict.kind}`, {
          metres: format.integer(verdict.metres),
          accuracy: format.integer(verdict.accuracy),
          limit: format.integer(scheme.fieldwork?.maxDistanceMetres ?? 0),
        })
      : verdict.kind === 'missing'
        ? t(`capture.missing_${verdict.error ?? 'pending'}`)
        : t('capture.unit_unknown');

  return (
    <Alert color={color} variant="light" p="xs" data-testid="capture-panel" data-position={verdict.kind}>
      <Stack gap={6}>
        <Text size="sm">{locating ? t('capture.locating') : message}</Text>
        {capture?.startedAt && (
          <Text size="xs" c="dimmed">
            {t('capture.started', { time: format.dateTime(capture.startedAt) })}
          </Text>
        )}
        {!locating && verdict.kind !== 'near' && (
          <Group>
            <Button size="compact-xs" variant="default" onClick={() => void locate()}>
              {t('capture.retry')}
            </Button>
          </Group>
        )}
        <PasswordInput
          size="xs"
          label={t('capture.identity')}
          description={capture?.respondentKey ? t('capture.identity_saved') : t('capture.identity_hint')}
          value={identity}
          onChange={(e) => setIdentity(e.currentTarget.value)}
          onBlur={async () => {
            const key = await respondentKeyOf(identity);
            setIdentity('');
            if (key) onChange((prev) => ({ ...prev, capture: { ...prev.capture, respondentKey: key } }));
          }}
          autoComplete="off"
        />
      </Stack>
    </Alert>
  );
}
