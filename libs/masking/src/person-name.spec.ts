import { maskPersonName } from './person-name';

describe('maskPersonName', () => {
  it.each([
    ['张三', '张某'],
    ['王小明', '王某'],
    ['欧阳锋', '欧阳某'],
    ['司马相如', '司马某'],
    ['诸葛亮', '诸葛某'],
    ['上官婉儿', '上官某'],
    ['欧阳', '欧某'], // too short for a compound surname plus a given name
    ['单于宏', '单于某'],
    [' 李四 ', '李某'],
    ['买买提·艾力', '买某·艾某'],
    ['阿依古丽·吐尔逊', '阿某·吐某'],
    ['𠮷田', '𠮷某'], // surname outside the Basic Multilingual Plane stays whole
  ])('default policy 姓+某: %s → %s', (name, masked) => {
    expect(maskPersonName(name)).toBe(masked);
  });

  it.each([
    ['张三', '张*'],
    ['王小明', '王**'],
    ['欧阳锋', '欧阳*'],
    ['买买提·艾力', '买**·艾*'],
  ])('policy surname-star: %s → %s', (name, masked) => {
    expect(maskPersonName(name, 'surname-star')).toBe(masked);
  });

  it('policy full-name shows the name', () => {
    expect(maskPersonName('欧阳锋', 'full-name')).toBe('欧阳锋');
  });
});
