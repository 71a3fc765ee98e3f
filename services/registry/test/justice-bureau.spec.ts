import { agencyBody } from './support/fixtures';
import { useRegistryApp } from './support/registry-app';

/**
 * Which justice bureau records an agency's document formats (domain.md R2): 兵团-level agencies file with the 兵团司法局,
 * 师市 agencies with their own 师市's bureau, and an agency whose level has none with the next level up.
 */
describe('the supervising justice bureau of an agency', () => {
  const registry = useRegistryApp('registry_justice_bureau');
  const http = () => registry().client();
  const add = (code: string, parent: string | undefined, overrides: Record<string, unknown> = {}) =>
    http()
      .post('/api/v1/agencies')
      .send(agencyBody(code, parent, overrides))
      .expect(201);
  const bureauOf = async (code: string) =>
    (await http().get(`/api/v1/agencies/${code}/justice-bureau`).expect(200)).body.code as string;

  beforeAll(async () => {
    await add('XJ', undefined);
    await add('XJ-SFJ', 'XJ', { level: 'department', name: '兵团司法局', justiceBureau: true });
    await add('XJ-SJ', 'XJ', { level: 'department', name: '兵团市场监督管理局' });
    await add('XJ-8', 'XJ', { level: 'division', name: '第八师石河子市' });
    await add('XJ-8-SFJ', 'XJ-8', { level: 'department', name: '第八师石河子市司法局', justiceBureau: true });
    await add('XJ-8-SJ', 'XJ-8', { level: 'department', name: '石河子市市场监督管理局' });
    await add('XJ-8-121', 'XJ-8', { level: 'regiment', name: '一二一团' });
    await add('XJ-1', 'XJ', { level: 'division', name: '第一师阿拉尔市' });
    await add('XJ-1-SJ', 'XJ-1', { level: 'department', name: '阿拉尔市市场监督管理局' });
  });

  it('is the 兵团司法局 for a 兵团-level agency and the 师市 bureau for a 师市 agency or 团场', async () => {
    expect(await bureauOf('XJ-SJ')).toBe('XJ-SFJ');
    expect(await bureauOf('XJ-8-SJ')).toBe('XJ-8-SFJ');
    expect(await bureauOf('XJ-8-121')).toBe('XJ-8-SFJ');
    expect(await bureauOf('XJ-8')).toBe('XJ-SFJ');
  });

  it('is the bureau of the nearest level above when the agency’s own level has none', async () => {
    expect(await bureauOf('XJ-1-SJ')).toBe('XJ-SFJ');
  });

  it('is never the bureau itself: a 师市 bureau files with the 兵团司法局', async () => {
    expect(await bureauOf('XJ-8-SFJ')).toBe('XJ-SFJ');
    const answer = await http().get('/api/v1/agencies/XJ-SFJ/justice-bureau').expect(404);
    expect(answer.body.code).toBe('JUSTICE_BUREAU_NOT_FOUND');
  });

  it('shows the mark on the agency, and keeps it when an update leaves it out', async () => {
    const bureau = (await http().get('/api/v1/agencies/XJ-8-SFJ').expect(200)).body;
    expect(bureau.justiceBureau).toBe(true);
    const { code: _code, justiceBureau: _mark, ...rest } = bureau;
    await http()
      .put('/api/v1/agencies/XJ-8-SFJ')
      .send({ ...rest, name: '第八师石河子市司法局（更名）' })
      .expect(200);
    expect((await http().get('/api/v1/agencies/XJ-8-SFJ').expect(200)).body.justiceBureau).toBe(true);
    expect(await bureauOf('XJ-8-SJ')).toBe('XJ-8-SFJ');
    expect((await http().get('/api/v1/agencies/XJ-8-SJ').expect(200)).body.justiceBureau).toBe(false);
  });

  it('moves to the next level up once the mark is taken off', async () => {
    const bureau = (await http().get('/api/v1/agencies/XJ-8-SFJ').expect(200)).body;
    const { code: _code, ...rest } = bureau;
    await http()
      .put('/api/v1/agencies/XJ-8-SFJ')
      .send({ ...rest, justiceBureau: false })
      .expect(200);
    expect(await bureauOf('XJ-8-SJ')).toBe('XJ-SFJ');
  });

  it('answers 404 for an agency that does not exist', async () => {
    const answer = await http().get('/api/v1/agencies/XJ-404/justice-bureau').expect(404);
    expect(answer.body.code).toBe('AGENCY_NOT_FOUND');
  });
});
