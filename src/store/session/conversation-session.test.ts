import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../core/conversation/types';
import { emptyConversation } from '../../core/conversation/tree';
import { call, calls, text, waitFor } from '../../core/run/controller-test-kit.testing';
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

  it('runs on in the background: another conversation opens and runs, and coming back shows the run where it is', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('a', 'Alpha', 1));
    await profile.disk.put(saved('b', 'Beta', 2));
    const tab = openTab(profile, [calls(call('danger', { text: 'x' }, 'd1')), text('B answered.'), text('A done.')], hashFor('a'));
    await settle();
    const a = tab.controller;
    a.send('Do the risky thing');
    await waitFor(a, (s) => s.run.phase === 'awaiting_confirmation');
    expect(tab.session.navigate('b')).toBe(true);
    await settle();
    expect(tab.controller.getSnapshot().conversation.id).toBe('b');
    expect(tab.state()).toMatchObject({ activeId: 'b', notice: null, runningHere: ['a'], live: { a: { kind: 'approval', count: 1 } } });
    tab.controller.send('And you?');
    await tab.idle();
    // The approval reaches only A, which was waiting all along.
    expect(a.getSnapshot().run.phase).toBe('awaiting_confirmation');
    tab.session.get('a')!.controller.approve('d1');
    await waitFor(a, (s) => s.run.phase === 'idle');
    await settle();
    expect(tab.state().runningHere).toEqual([]);
    expect(tab.state().live).toEqual({});
    tab.win.back();
    await settle();
    expect(tab.controller).toBe(a);
    const saved_ = await profile.disk.get('a');
    expect(saved_?.messages.at(-1)).toMatchObject({ role: 'assistant', outcome: 'completed' });
    expect((await profile.disk.get('b'))?.messages.at(-1)).toMatchObject({ role: 'assistant', outcome: 'completed' });
  });

  it('a new chat opens while a run goes on; the limit refuses one run too many by code', async () => {
    const profile = fakeProfile();
    const tab = openTab(profile, [calls(call('danger', { text: 'x' }, 'd1'))], '', profile.disk, 1);
    await settle();
    const first = tab.controller;
    first.send('Go');
    await waitFor(first, (s) => s.run.phase === 'awaiting_confirmation');
    await settle();
    expect(tab.session.newChat()).toBe(true);
    await settle();
    expect(tab.controller).not.toBe(first);
    expect(tab.state().activeId).toBeNull();
    expect(tab.session.admitShown()).toEqual({ code: 'run-limit', limit: 1 });
    first.reject('d1');
    await waitFor(first, (s) => s.run.phase === 'idle');
    expect(tab.session.admitShown()).toBeNull();
  });

  it('deleting a running conversation stops it first and leaves the other runs alone', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('a', 'Alpha', 1));
    await profile.disk.put(saved('b', 'Beta', 2));
    const tab = openTab(profile, [calls(call('danger', { text: 'x' }, 'd1')), calls(call('danger', { text: 'y' }, 'd2'))], hashFor('a'));
    await settle();
    const a = tab.controller;
    a.send('one');
    await waitFor(a, (s) => s.run.phase === 'awaiting_confirmation');
    tab.session.navigate('b');
    await settle();
    const b = tab.controller;
    b.send('two');
    await waitFor(b, (s) => s.run.phase === 'awaiting_confirmation');
    tab.session.remove('a');
    await settle(10);
    expect(a.getSnapshot().run.phase).toBe('idle');
    expect(b.getSnapshot().run.phase).toBe('awaiting_confirmation');
    expect(tab.session.get('a')).toBeUndefined();
    expect(await profile.disk.get('a')).toBeUndefined();
    expect(tab.state().runningHere).toEqual(['b']);
    // The lock went with the run: another tab could run a conversation with that id again.
    expect(await profile.locks.query().then((q) => q.held?.map((l) => l.name))).toEqual(['callstream-run:b']);
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
    expect(a.state().runningHere).toEqual(['c']);
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

  it('two tabs run different conversations at once, each holding only its own lock', async () => {
    const profile = fakeProfile();
    await profile.disk.put(saved('a', 'Alpha', 1));
    await profile.disk.put(saved('b', 'Beta', 2));
    const one = openTab(profile, [calls(call('danger', { text: 'x' }, 'd1'))], hashFor('a'));
    const two = openTab(profile, [calls(call('danger', { text: 'y' }, 'd2'))], hashFor('b'));
    await settle();
    one.controller.send('In A');
    two.controller.send('In B');
    await waitFor(one.controller, (s) => s.run.phase === 'awaiting_confirmation');
    await waitFor(two.controller, (s) => s.run.phase === 'awaiting_confirmation');
    await settle(10);
    expect(one.state()).toMatchObject({ runningHere: ['a'], runningElsewhere: ['b'], mirror: null, notice: null });
    expect(two.state()).toMatchObject({ runningHere: ['b'], runningElsewhere: ['a'], mirror: null, notice: null });
  });
});
