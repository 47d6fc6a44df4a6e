import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

/** Within this many pixels of the bottom counts as "at the latest message". */
export const NEAR_BOTTOM_PX = 48;

// Keys that scroll up; pressed, the user is leaving the bottom before the scroll even happens.
const UP_KEYS = new Set(['ArrowUp', 'PageUp', 'Home']);

export interface FollowScroll {
  /** The user scrolled away from the bottom: the view stops following and offers a jump back. */
  away: boolean;
  /** Pins the view to the bottom again and scrolls there. */
  jump(): void;
  /** Whether the view follows the bottom right now (for code that must not move it meanwhile). */
  isPinned(): boolean;
}

/**
 * Keeps a scroll container pinned to the bottom while its content grows (a streaming answer,
 * a tool card opening, a virtualized row being measured), unless the user scrolled up.
 *
 * Growth is noticed with a ResizeObserver on the content, so following costs nothing per delta
 * and lands in the same frame as the layout change. Any scroll up away from the bottom leaves
 * (a wheel, a key, find-in-page, focus moving to an earlier message); wheel, touch, keys and the
 * scrollbar leave as soon as they are used, before the scroll happens, because a fast stream
 * would otherwise snap the view back before the scroll event that says the user wanted to go.
 */
export function useFollowScroll(
  scrollRef: RefObject<HTMLElement | null>,
  contentRef: RefObject<HTMLElement | null>,
  /** Changes when the list is replaced (another conversation): follow from the bottom again. */
  resetKey: unknown,
): FollowScroll {
  const pinned = useRef(true);
  const [away, setAway] = useState(false);

  const setPinned = useCallback((value: boolean) => {
    pinned.current = value;
    setAway(!value);
  }, []);

  const toBottom = useCallback(() => {
    const el = scrollRef.current;
    // Writing only when not already there spares a scroll event (and its handlers) per frame.
    if (el && el.scrollTop < el.scrollHeight - el.clientHeight - 1) el.scrollTop = el.scrollHeight;
  }, [scrollRef]);

  useLayoutEffect(() => {
    setPinned(true);
    toBottom();
  }, [resetKey, setPinned, toBottom]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    let lastTop = el.scrollTop;
    let touchY: number | null = null;
    const unpin = () => {
      if (pinned.current && el.scrollHeight > el.clientHeight) setPinned(false);
    };

    const follow = () => {
      if (pinned.current) toBottom();
    };
    const observer = new ResizeObserver(follow);
    observer.observe(el);
    if (contentRef.current) observer.observe(contentRef.current);
    // The content element is replaced when the list mounts (empty state -> first message).
    const mutations = new MutationObserver(() => {
      if (contentRef.current) observer.observe(contentRef.current);
      follow();
    });
    mutations.observe(el, { childList: true });

    const onScroll = () => {
      const top = el.scrollTop;
      const movedUp = top < lastTop - 1;
      lastTop = top;
      // Content growing between two follows leaves a gap without moving scrollTop: still pinned.
      if (el.scrollHeight - top - el.clientHeight <= NEAR_BOTTOM_PX) {
        if (!pinned.current) setPinned(true);
      } else if (movedUp) unpin();
    };
    const onWheel = (e: WheelEvent) => {
      if (e.deltaY < 0) unpin();
    };
    const onTouchStart = (e: TouchEvent) => {
      touchY = e.touches[0]?.clientY ?? null;
    };
    const onTouchMove = (e: TouchEvent) => {
      const y = e.touches[0]?.clientY;
      // A finger moving down drags the content down: the user is reading back.
      if (touchY !== null && y !== undefined && y > touchY + 4) unpin();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      // Only keys that scroll this view: focus inside it, or nowhere in particular.
      const focus = document.activeElement;
      const scrollsThis = !focus || focus === document.body || (el.contains(focus) && !focus.closest('input, textarea, select, [contenteditable="true"]'));
      if (scrollsThis && UP_KEYS.has(e.key)) unpin();
    };
    const onPointerDown = (e: PointerEvent) => {
      // A press on the scrollbar itself (right of the content box) starts a drag.
      if (e.target === el && e.offsetX >= el.clientWidth) unpin();
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    el.addEventListener('wheel', onWheel, { passive: true });
    el.addEventListener('touchstart', onTouchStart, { passive: true });
    el.addEventListener('touchmove', onTouchMove, { passive: true });
    el.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('keydown', onKeyDown);
    return () => {
      observer.disconnect();
      mutations.disconnect();
      el.removeEventListener('scroll', onScroll);
      el.removeEventListener('wheel', onWheel);
      el.removeEventListener('touchstart', onTouchStart);
      el.removeEventListener('touchmove', onTouchMove);
      el.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [scrollRef, contentRef, setPinned, toBottom]);

  const jump = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    setPinned(true);
    const distance = el.scrollHeight - el.scrollTop - el.clientHeight;
    // A long way back would render every row in between; far jumps go straight there.
    if (distance > 2 * el.clientHeight) toBottom();
    else el.scrollTo({ top: el.scrollHeight, behavior: 'smooth' });
  }, [scrollRef, setPinned, toBottom]);

  const isPinned = useCallback(() => pinned.current, []);
  return { away, jump, isPinned };
}
