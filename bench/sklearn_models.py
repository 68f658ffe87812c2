"""Both protocols in scikit-learn on the SAME rows as Dashboard's (the split written by `Dashboard.Benchmarks models DB --export DIR`),
for comparison: purchase — Ridge (one-hot, alpha by 3-fold CV) and HistGradientBoosting (native categoricals, early stopping);
cancellation — LogisticRegression (one-hot, C by 3-fold CV) and HistGradientBoosting. Prints one line per model with its metrics and
training seconds. Usage: sklearn_models.py BLACK_FRIDAY_TRAIN_CSV EXPORT_DIR"""
import sys, time
import numpy as np, pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.linear_model import LogisticRegressionCV, RidgeCV
from sklearn.metrics import brier_score_loss, log_loss, mean_squared_error, r2_score, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler


def timed(fit):
    t = time.perf_counter()
    model = fit()
    return model, time.perf_counter() - t


def codes(frame, columns, max_levels=250):
    """Ordinal codes per column for HistGradientBoosting's native categoricals (rare levels beyond max_levels share one code)."""
    out = pd.DataFrame(index=frame.index)
    for c in columns:
        top = frame[c].value_counts().index[:max_levels]
        out[c] = pd.Categorical(frame[c].where(frame[c].isin(top), "(other)")).codes
    return out


purchases = pd.read_csv(sys.argv[1])
split = pd.read_csv(f"{sys.argv[2]}/purchase-split.csv")["test"].to_numpy() == 1
columns = [c for c in purchases.columns if c != "Purchase"]
X = purchases[columns].astype(str)
y = purchases["Purchase"].to_numpy(dtype=float)
print(f"purchase: {len(y) - split.sum()} train / {split.sum()} held out (Dashboard's split)")
ridge, seconds = timed(lambda: make_pipeline(OneHotEncoder(handle_unknown="ignore"), RidgeCV(alphas=[0.1, 1, 10, 100], cv=3)).fit(X[~split], y[~split]))
p = ridge.predict(X[split])
print(f"sklearn ridge (one-hot, CV): rmse {mean_squared_error(y[split], p) ** 0.5:.1f} r2 {r2_score(y[split], p):.4f} train {seconds:.1f} s")
C = codes(X, columns)
hgb, seconds = timed(lambda: HistGradientBoostingRegressor(max_iter=600, learning_rate=0.1, max_leaf_nodes=63, categorical_features=list(range(len(columns))),
                                                           early_stopping=True, random_state=42).fit(C[~split], y[~split]))
p = hgb.predict(C[split])
print(f"sklearn HistGradientBoosting: rmse {mean_squared_error(y[split], p) ** 0.5:.1f} r2 {r2_score(y[split], p):.4f} train {seconds:.1f} s ({hgb.n_iter_} iterations)")

lines = pd.read_csv(f"{sys.argv[2]}/cancellation.csv", keep_default_na=False)
test = lines["test"].to_numpy() == 1
label = lines["label"].to_numpy(dtype=int)
categorical = ["fulfilment", "sales_channel", "service_level", "category", "size", "state", "city", "b2b", "weekday"]
lines["amount"] = pd.to_numeric(lines["amount"], errors="coerce").fillna(0)
print(f"cancellation: {(~test).sum()} train / {test.sum()} held out (Dashboard's split), base rate {label[~test].mean():.4f}")
base = np.full(test.sum(), label[~test].mean())
print(f"base rate: auc 0.5 brier {brier_score_loss(label[test], base):.5f} log_loss {log_loss(label[test], base):.4f}")
encode = ColumnTransformer([("cat", OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=20), categorical),
                           ("num", StandardScaler(), ["amount"])])
logistic, seconds = timed(lambda: make_pipeline(encode, LogisticRegressionCV(Cs=[0.01, 0.1, 1, 10], cv=3, scoring="neg_log_loss", max_iter=2000))
                          .fit(lines[~test], label[~test]))
p = logistic.predict_proba(lines[test])[:, 1]
print(f"sklearn LogisticRegression (one-hot, CV): auc {roc_auc_score(label[test], p):.4f} brier {brier_score_loss(label[test], p):.5f} "
      f"log_loss {log_loss(label[test], p):.4f} train {seconds:.1f} s")
K = codes(lines, categorical).assign(amount=lines["amount"])
hgb, seconds = timed(lambda: HistGradientBoostingClassifier(max_iter=400, learning_rate=0.05, max_leaf_nodes=31, categorical_features=list(range(len(categorical))),
                                                            early_stopping=True, random_state=42).fit(K[~test], label[~test]))
p = hgb.predict_proba(K[test])[:, 1]
print(f"sklearn HistGradientBoosting: auc {roc_auc_score(label[test], p):.4f} brier {brier_score_loss(label[test], p):.5f} "
      f"log_loss {log_loss(label[test], p):.4f} train {seconds:.1f} s ({hgb.n_iter_} iterations)")
