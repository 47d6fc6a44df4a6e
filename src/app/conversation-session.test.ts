import { describe, expect, it } from 'vitest';
import type { Conversation } from '../core/conversation/types';
import { emptyConversation } from '../core/conversation/tree';
import { call, calls, text, waitFor } from '../core/run/controller-test-kit.testing';
import { SWITCH_REFUSED } from './conversation-session';
import { RUNNING_ELSEWHERE } from './run-coordination';
import { hashFor } from './routing';
import { fakeProfile, openTab, settle } from './session-fakes.testing';

const saved = (id: string, title: string, updatedAt: number): Conversation => ({
  ...emptyConversation(id, updatedAt),
  title,
  messages: [
    { id: `${id}-u`, parentId: null, role: 'user', text: `question ${title}`, createdAt: updatedAt },
    { id: `${id}-a`, parentId: `${id}-u`, role: 'assistant', createdAt: updatedAt, model: 'm', rounds: [{ parts: [{ type: 'text', text: `answer ${title}` }] }], calls: {}, outcome: 'completed' },
  ],
});

describe('conversation session', () => {
  it('a bare URL is a new chat; the first message saves it and puts its id in the URL without a new history entry', async () => {
    const tab = openTab(fakeProfile(), [text('Hi there')]);
    await settle();
    expect(tab.state().activeId).toBeNull();
    tab.controller.send('Hello');
    await tab.idle();
    await settle();
    const id = tab.controller.getSnapshot().conversation.id;
    expect(tab.win.location.hash).toBe(hashFor(id));
    expect(tab.win.entries).toHaveLength(1);
    expect(tab.state()).toMatchObject({ activeId: id, summaries: [{ id, title: 'Hello', messageCount: 2 }] });
    expect((await tab.repository.get(id))?.messages).toHaveLength(2);
  });

  it('opens the conversation in the URL, follows back and forward, and reports one that is gone', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('a', 'Alpha', 1));
    await profile.disk.put(saved('b', 'Beta', 2));
    const tab = openTab(profile, [], hashFor('a'));
    await settle();
    expect(tab.controller.getSnapshot().conversation.title).toBe('Alpha');
    expect(tab.state().summaries.map((s) => s.id)).toEqual(['b', 'a']);
    expect(tab.session.navigate('b')).toBe(true);
    await settle();
    expect(tab.controller.getSnapshot().conversation.title).toBe('Beta');
    tab.win.back();
    await settle();
    expect(tab.state().activeId).toBe('a');
    tab.win.forward();
    await settle();
    expect(tab.state().activeId).toBe('b');
    // Opening only reads: nothing was written back.
    expect((await profile.disk.get('a'))?.updatedAt).toBe(1);

    tab.win.location.hash = hashFor('missing');
    await settle();
    expect(tab.state()).toMatchObject({ activeId: null, notice: 'Could not open that conversation — it may have been deleted.' });
    expect(tab.win.location.hash).toBe('#/');
  });

  it('refuses to switch while a run is in flight, from the list and from back/forward', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('a', 'Alpha', 1));
    const tab = openTab(profile, [calls(call('danger', { text: 'x' }, 'd1'))], hashFor('a'));
    await settle();
    tab.controller.send('Do the risky thing');
    await waitFor(tab.controller, (s) => s.run.phase === 'awaiting_confirmation');
    await settle();
    expect(tab.session.navigate('elsewhere')).toBe(false);
    expect(tab.state().notice).toBe(SWITCH_REFUSED);
    tab.session.dismissNotice();
    tab.win.location.hash = '#/';
    await settle();
    expect(tab.win.location.hash).toBe(hashFor('a'));
    expect(tab.state().notice).toBe(SWITCH_REFUSED);
    expect(tab.controller.getSnapshot().conversation.id).toBe('a');
  });

  it('renames the open conversation through the controller and others straight in storage', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('a', 'Alpha', 1));
    await profile.disk.put(saved('b', 'Beta', 2));
    const tab = openTab(profile, [], hashFor('a'));
    await settle();
    await tab.session.rename('a', '  New   alpha ');
    await tab.session.rename('b', 'New beta');
    await tab.session.rename('b', '   ');
    await settle();
    expect(tab.controller.getSnapshot().conversation.title).toBe('New alpha');
    expect((await profile.disk.get('a'))?.title).toBe('New alpha');
    expect((await profile.disk.get('b'))?.title).toBe('New beta');
    // A rename is not activity: the order stays.
    expect(tab.state().summaries.map((s) => [s.id, s.title])).toEqual([['b', 'New beta'], ['a', 'New alpha']]);
  });

  it('deletes at once, undo puts the conversation back and reopens it, and the undo expires', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('a', 'Alpha', 1));
    await profile.disk.put(saved('b', 'Beta', 2));
    const tab = openTab(profile, [], hashFor('a'));
    await settle();
    tab.session.remove('a');
    expect(tab.state().pendingDelete).toEqual({ id: 'a', title: 'Alpha', wasActive: true });
    await settle();
    expect(await profile.disk.get('a')).toBeUndefined();
    expect(tab.win.location.hash).toBe('#/');
    await tab.session.undoRemove();
    await settle();
    expect((await profile.disk.get('a'))?.title).toBe('Alpha');
    expect(tab.state().activeId).toBe('a');

    tab.session.remove('b');
    await new Promise((resolve) => setTimeout(resolve, 80)); // undoMs is 50 in the rig
    expect(tab.state().pendingDelete).toBeNull();
    await tab.session.undoRemove();
    expect(await profile.disk.get('b')).toBeUndefined();
    expect(tab.state().summaries.map((s) => s.id)).toEqual(['a']);
  });

  it('imports under fresh ids when an id is taken, opens the newest, and exports everything', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('a', 'Alpha', 1));
    const tab = openTab(profile, []);
    await settle();
    await tab.session.importConversations([saved('a', 'Alpha again', 5), saved('z', 'Zulu', 3)]);
    await settle();
    const all = await tab.session.allConversations();
    expect(all.map((c) => c.title)).toEqual(['Alpha again', 'Zulu', 'Alpha']);
    const copy = all[0];
    expect(copy.id).not.toBe('a');
    expect(copy.messages[1].parentId).toBe(copy.messages[0].id);
    expect((await profile.disk.get('a'))?.title).toBe('Alpha');
    expect(tab.state().activeId).toBe(copy.id);
    expect(tab.controller.getSnapshot().conversation.title).toBe('Alpha again');
  });

  it('searches titles and content, newest first', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('a', 'Alpha', 1));
    await profile.disk.put(saved('b', 'Beta', 2));
    const tab = openTab(profile, []);
    await tab.session.search('answer');
    expect(tab.state().hits?.map((h) => h.id)).toEqual(['b', 'a']);
    await tab.session.search('beta');
    expect(tab.state().hits?.map((h) => h.id)).toEqual(['b']);
    await tab.session.search('');
    expect(tab.state().hits).toBeNull();
  });
});

describe('two tabs', () => {
  it('one runs, the other shows it read-only as it is saved, then opens it when the run ends', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('c', 'Shared', 1));
    const a = openTab(profile, [calls(call('danger', { text: 'x' }, 'd1')), text('All done.')], hashFor('c'));
    const b = openTab(profile, [], hashFor('c'));
    await settle();
    a.controller.send('Go');
    await waitFor(a.controller, (s) => s.run.phase === 'awaiting_confirmation');
    await settle(10);
    expect(a.state().runningHere).toBe('c');
    expect(b.state().runningElsewhere).toEqual(['c']);
    expect(b.state().mirror?.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    // A tab opened now sees the run too (the lock is held) and shows it read-only.
    const late = openTab(profile, [], hashFor('c'));
    await settle(10);
    expect(late.state().mirror?.id).toBe('c');

    a.controller.approve('d1');
    await a.idle();
    await settle(10);
    expect(b.state().mirror).toBeNull();
    expect(b.state().runningElsewhere).toEqual([]);
    const last = b.controller.getSnapshot().conversation.messages.at(-1);
    expect(last?.role === 'assistant' && last.outcome).toBe('completed');
    expect(late.state().mirror).toBeNull();
  });

  it('a tab that loses the race for the run lock stops and yields to the other', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('c', 'Shared', 1));
    const a = openTab(profile, [calls(call('danger', { text: 'x' }, 'd1'))], hashFor('c'));
    const b = openTab(profile, [calls(call('danger', { text: 'y' }, 'd2'))], hashFor('c'));
    await settle();
    // Both send before either hears of the other.
    a.controller.send('From A');
    b.controller.send('From B');
    await settle(10);
    const phases = [a, b].map((t) => t.controller.getSnapshot().run.phase).sort();
    expect(phases).toEqual(['awaiting_confirmation', 'idle']);
    const loser = a.controller.getSnapshot().run.phase === 'idle' ? a : b;
    expect(loser.state()).toMatchObject({ notice: RUNNING_ELSEWHERE, runningElsewhere: ['c'] });
    // The stored conversation is the winner's: the loser's stopped copy was not written over it.
    const [mine, theirs] = loser === a ? ['From A', 'From B'] : ['From B', 'From A'];
    const texts = (await profile.disk.get('c'))?.messages.flatMap((m) => (m.role === 'user' ? [m.text] : []));
    expect(texts).toEqual(['question Shared', theirs]);
    expect(texts).not.toContain(mine);
  });
});
