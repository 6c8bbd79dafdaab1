import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DependentDocuments } from '../src/dependent-documents';

describe('DependentDocuments', () => {
  it('finds the open documents whose latest lint used a module', () => {
    const map = new DependentDocuments();
    map.record('file:///p/handler.ts', ['/p/lib/http.ts', '/p/lib/retry.ts']);
    map.record('file:///p/worker.ts', ['/p/lib/http.ts']);
    assert.deepEqual(map.dependentsOf(['/p/lib/http.ts']), ['file:///p/handler.ts', 'file:///p/worker.ts']);
    assert.deepEqual(map.dependentsOf(['/p/lib/retry.ts']), ['file:///p/handler.ts']);
    assert.deepEqual(map.dependentsOf(['/p/lib/other.ts']), []);
    // Several changed modules: each dependent once.
    assert.deepEqual(map.dependentsOf(['/p/lib/retry.ts', '/p/lib/http.ts']), ['file:///p/handler.ts', 'file:///p/worker.ts']);
  });

  it('replaces a document\'s dependencies with those of its latest lint', () => {
    const map = new DependentDocuments();
    map.record('file:///p/handler.ts', ['/p/lib/http.ts']);
    // The import was edited away and another one added.
    map.record('file:///p/handler.ts', ['/p/lib/client.ts']);
    assert.deepEqual(map.dependentsOf(['/p/lib/http.ts']), []);
    assert.deepEqual(map.dependentsOf(['/p/lib/client.ts']), ['file:///p/handler.ts']);
    map.record('file:///p/handler.ts', []);
    assert.deepEqual(map.dependentsOf(['/p/lib/client.ts']), []);
    assert.deepEqual(map.dependenciesOf('file:///p/handler.ts'), []);
  });

  it('forgets a closed document without touching the others', () => {
    const map = new DependentDocuments();
    map.record('a', ['/m.ts']);
    map.record('b', ['/m.ts']);
    map.forget('a');
    map.forget('never-recorded');
    assert.deepEqual(map.dependentsOf(['/m.ts']), ['b']);
    map.clear();
    assert.deepEqual(map.dependentsOf(['/m.ts']), []);
  });
});
