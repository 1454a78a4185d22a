/** Building blocks of every role's home: greeting with role and scope, and link cards. */
import type { ReactNode } from 'react';
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../shared/wire/auth.ts';

export function RoleHomeHeader({ user, children }: { user: User; children?: ReactNode }) {
  const { t } = useTranslation('ui');
  const scope: string[] = [];
  // issue 16: names, not ids or bare province codes (the session carries them).
  if (user.provinceCode) scope.push(user.provinceName ?? t('home.scope.province_unknown'));
  if (user.bodyId) scope.push(user.bodyName ?? t('home.scope.body_unknown'));
  if (user.unitId) scope.push(user.unitName ?? t('home.scope.unit_unknown'));
  if (!scope.length && user.role === 'admin') scope.push(t('home.scope.national'));
  return (
    <Stack gap="xs">
      <Title order={1} size="h2">
        {t('home.greeting', { name: user.name })}
      </Title>
      <Group gap="xs">
        <Badge variant="light" tt="none" size="lg">
          {t(`roles.${user.role}`)}
        </Badge>
        {scope.map((s) => (
          <Badge key={s} variant="outline" tt="none" size="lg" aria-label={`${t('home.scope.title')}: ${s}`}>
            {s}
          </Badge>
        ))}
      </Group>
      {children}
    </Stack>
  );
}

export interface HomeCard {
  title: string;
  description: string;
  action: ReactNode;
}

export function HomeCards({ heading, cards }: { heading?: string; cards: HomeCard[] }) {
  const { t } = useTranslation('ui');
  return (
    <Stack gap="sm" component="section" aria-label={heading ?? t('home.available')}>
      <Title order={2} size="h4">
        {heading ?? t('home.available')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {cards.map((card) => (
          <Card key={card.title} withBorder padding="md">
            <Stack gap="xs" h="100%" justify="space-between">
              <Stack gap={4}>
                <Title order={3} size="h5">
                  {card.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {card.description}
                </Text>
              </Stack>
              <Group>{card.action}</Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
