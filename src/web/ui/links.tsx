/**
 * Mantine components that navigate with TanStack Router (typed `to`, client-side navigation,
 * preload on intent) while keeping real <a href> elements for keyboard and screen readers.
 */
import { forwardRef } from 'react';
import { Anchor, Button, type AnchorProps, type ButtonProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';

type AnchorElementProps = Omit<React.ComponentPropsWithoutRef<'a'>, 'color' | 'style'>;

const AnchorBase = forwardRef<HTMLAnchorElement, AnchorProps & AnchorElementProps>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
const CreatedAnchor = createLink(AnchorBase);
export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => <CreatedAnchor preload="intent" {...props} />;

const ButtonBase = forwardRef<HTMLAnchorElement, ButtonProps & AnchorElementProps>((props, ref) => (
  <Button component="a" ref={ref} {...props} />
));
const CreatedButton = createLink(ButtonBase);
export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => <CreatedButton preload="intent" {...props} />;

/**
 * A navbar entry. Plain <a> styled in global.css (`.nav-link`) rather than Mantine's NavLink,
 * whose collapse/transition code would weigh on every page. TanStack sets aria-current="page"
 * and data-status="active" on the current route; the CSS highlights it.
 */
const NavAnchor = forwardRef<HTMLAnchorElement, React.ComponentPropsWithoutRef<'a'>>(({ className, ...props }, ref) => (
  <a ref={ref} className={className ? `nav-link ${className}` : 'nav-link'} {...props} />
));
const CreatedNavLink = createLink(NavAnchor);
export const NavLinkLink: LinkComponent<typeof NavAnchor> = (props) => <CreatedNavLink preload="intent" {...props} />;
