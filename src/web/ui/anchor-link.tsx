/**
 * Text links and navbar entries that navigate with TanStack Router (typed `to`, client-side
 * navigation, preload on intent) while keeping real <a href> elements. Their own module, apart
 * from ButtonLink (links.tsx): a module is the bundler's unit, and Mantine's Button with its
 * Loader and Transition would otherwise ride along on every first paint (issue 4 §8).
 */
import { forwardRef } from 'react';
import { Anchor, type AnchorProps } from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';

type AnchorElementProps = Omit<React.ComponentPropsWithoutRef<'a'>, 'color' | 'style'>;

const AnchorBase = forwardRef<HTMLAnchorElement, AnchorProps & AnchorElementProps>((props, ref) => <Anchor ref={ref} {...props} />);
const CreatedAnchor = createLink(AnchorBase);
export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => <CreatedAnchor preload="intent" {...props} />;

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
