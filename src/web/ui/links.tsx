/**
 * Mantine components that navigate with TanStack Router (typed `to`, client-side navigation,
 * preload on intent) while keeping real <a href> elements for keyboard and screen readers.
 * ButtonLink lives here; AnchorLink and NavLinkLink live in anchor-link.tsx (re-exported) so
 * that the shell and the public pages can use them without bundling Mantine's Button.
 */
import { forwardRef } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';

export { AnchorLink, NavLinkLink } from './anchor-link.tsx';

type AnchorElementProps = Omit<React.ComponentPropsWithoutRef<'a'>, 'color' | 'style'>;

const ButtonBase = forwardRef<HTMLAnchorElement, ButtonProps & AnchorElementProps>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
const CreatedButton = createLink(ButtonBase);
export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => <CreatedButton preload="intent" {...props} />;
