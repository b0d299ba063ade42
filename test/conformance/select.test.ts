import { expect } from 'chai';
import { CATALOG, selectChecks, SelectionError } from '../../conformance/index.js';

describe('conformance/select', () => {
  it('should hold at least 120 checks with unique ids, each citing a spec section', () => {
    expect(CATALOG.length).to.be.at.least(120);
    expect(new Set(CATALOG.map((c) => c.id)).size).to.equal(CATALOG.length);
    for (const c of CATALOG) expect(c.spec, c.id).to.match(/^(RFC \d+|ENTRA-SPEC) §\d/);
  });

  it('should keep only the profile\'s checks', () => {
    const entra = selectChecks(CATALOG, { profile: 'entra' });
    expect(entra.every((c) => c.profiles.includes('entra'))).to.equal(true);
    expect(entra.map((c) => c.id)).to.include('entra-probe-user').and.not.include('sort-ascending');
    expect(selectChecks(CATALOG, { profile: 'all' })).to.have.length(CATALOG.length);
  });

  it('should narrow to ids and areas with --only', () => {
    const ids = selectChecks(CATALOG, { profile: 'all', only: ['delete', 'users-create-201'] }).map((c) => c.id);
    expect(ids).to.include('users-create-201').and.include('delete-user-204');
    expect(ids.every((id) => id === 'users-create-201' || id.startsWith('delete-'))).to.equal(true);
  });

  it('should reject unknown ids', () => {
    expect(() => selectChecks(CATALOG, { profile: 'all', only: ['nope'] })).to.throw(SelectionError, 'unknown check id or area: nope');
  });

  it('should drop mutating checks in a read-only run', () => {
    const ro = selectChecks(CATALOG, { profile: 'all', readOnly: true });
    expect(ro.length).to.be.greaterThan(10);
    expect(ro.some((c) => c.mutating)).to.equal(false);
  });
});
