"""Checks the fresh3 files: counts, keys, unique ids, names inside their texts."""
import json, collections
from pathlib import Path

HERE = Path(__file__).resolve().parent
CATS={"plain_name","short_form","ordinary_word","possessive","wire_prefix","bloomberg_title_case","all_caps","with_code","two_companies","foreign","former_company","not_a_company"}
ids=set(); allrows={}
for split in ('dev','test'):
    rows=[json.loads(l) for l in open(HERE / f'{split}.jsonl', encoding='utf-8')]
    assert len(rows)==300, (split,len(rows))
    for r in rows:
        assert set(r)=={"id","text","companies","year","category"}, r
        assert r['id'] not in ids; ids.add(r['id'])
        assert r['category'] in CATS and 2006<=r['year']<=2013
        for c in r['companies']:
            assert c['name'] in r['text'], r
            assert c['ticker']
            if 'ric' in c: assert '<'+c['ric']+'>' in r['text'], r
        assert (r['category']=='not_a_company') == (not r['companies']), r
    allrows[split]=rows
for s,rows in allrows.items():
    print(s, dict(sorted(collections.Counter(r['category'] for r in rows).items())))
rows=allrows['dev']+allrows['test']
print('total', dict(sorted(collections.Counter(r['category'] for r in rows).items())))
comp=collections.Counter((c['ticker'],c.get('exchange','US')) for r in rows for c in r['companies'])
print('rows',len(rows),'mentions',sum(comp.values()),'distinct companies',len(comp))
print('multi-company rows', sum(len(r['companies'])>1 for r in rows))
print('years', dict(sorted(collections.Counter(r['year'] for r in rows).items())))
print('non-US distinct', sum(1 for k in comp if k[1]!='US'))
pass
print('singletons', sum(1 for v in comp.values() if v==1))
