#!/usr/bin/env python3
"""Writes the reference files the Recommendation tests compare with, from the peers in
../shared/peers (run with /tmp/peers-venv/bin/python from this folder):

  rules_tx_10k_<minsup>.csv    every frequent itemset and every rule mlxtend 0.25.0 finds on
                               tx_10k.csv (min confidence 0.2), with exact basket counts
  itemitem_tx_10k.csv          for the first 1,000 customers in id order: the top 10 of
                               implicit 0.7.3 CosineRecommender(K=50) and of the numpy check
                               (same K=50 truncation, ties by lower item index)
"""
import sys
sys.path.insert(0, "/work/shared/peers")
import warnings

import numpy as np
import pandas as pd
import scipy.sparse as sp
from mlxtend.frequent_patterns import association_rules, fpgrowth
from implicit.nearest_neighbours import CosineRecommender

from baskets import basket_codes
from itemitem_implicit import build_matrix, exact_topn

df = pd.read_csv("tx_10k.csv", dtype={"customer_id": str, "order_id": str, "item_id": str})
b, i, names, n_baskets = basket_codes(df["order_id"].to_numpy(), df["item_id"].to_numpy())
m = sp.csr_matrix((np.ones(len(b), dtype=bool), (b, i)), shape=(n_baskets, len(names)))
onehot = pd.DataFrame.sparse.from_spmatrix(m, columns=list(names))
for minsup in ("0.005", "0.001"):
    itemsets = fpgrowth(onehot, min_support=float(minsup), use_colnames=True)
    rules = association_rules(itemsets, num_itemsets=n_baskets, metric="confidence", min_threshold=0.2)
    with open(f"rules_tx_10k_{minsup}.csv", "w") as out:
        out.write("kind,antecedent,consequent,count,support,confidence,lift,leverage,conviction\n")
        for s, items in zip(itemsets["support"], itemsets["itemsets"]):
            out.write(f"itemset,{';'.join(sorted(items))},,{round(s * n_baskets)},{s!r},,,,\n")
        for r in rules.itertuples():
            out.write(f"rule,{';'.join(sorted(r.antecedents))},{';'.join(sorted(r.consequents))},"
                      f"{round(r.support * n_baskets)},{r.support!r},{r.confidence!r},{r.lift!r},"
                      f"{r.leverage!r},{r.conviction!r}\n")

warnings.simplefilter("ignore")
X, customers, items = build_matrix(df)
model = CosineRecommender(K=50)
model.fit(X, show_progress=False)
users = np.arange(1000)
ids, scores = model.recommend(users, X[users], N=10, filter_already_liked_items=True)
exact = exact_topn(X, range(1000), k=50)
with open("itemitem_tx_10k.csv", "w") as out:
    out.write(f"# similarity_nnz={model.similarity.nnz}\n")
    out.write("customer_id,source,items,scores\n")
    for u in range(1000):
        keep = ids[u] >= 0
        out.write(f"{customers[u]},implicit,{';'.join(items[ids[u][keep]])},"
                  f"{';'.join(repr(float(v)) for v in scores[u][keep])}\n")
        top, s = exact[u]
        keep = np.isfinite(s) & (s > 0)
        out.write(f"{customers[u]},numpy,{';'.join(items[top[keep]])},"
                  f"{';'.join(repr(float(v)) for v in s[keep])}\n")
