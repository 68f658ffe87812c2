"""Purchase protocol in scikit-learn, for comparison with Dashboard's trainers: random 80/20 split (seed 42),
the nine attribute columns as categoricals, ridge with a grid search and HistGradientBoosting. Prints RMSE, R2
and training seconds."""
import sys, time
import numpy as np, pandas as pd
from sklearn.model_selection import train_test_split, GridSearchCV
from sklearn.linear_model import Ridge
from sklearn.preprocessing import OneHotEncoder
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.metrics import mean_squared_error, r2_score

df = pd.read_csv(sys.argv[1])
columns = [c for c in df.columns if c != "Purchase"]
X = df[columns].astype(str)
y = df["Purchase"].to_numpy(dtype=float)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)

encoder = OneHotEncoder(handle_unknown="ignore").fit(X_train)
t = time.perf_counter()
ridge = GridSearchCV(Ridge(), {"alpha": [0.1, 1, 10, 100]}, cv=3, scoring="neg_root_mean_squared_error").fit(encoder.transform(X_train), y_train)
ridge_seconds = time.perf_counter() - t
p = ridge.predict(encoder.transform(X_test))
print(f"sklearn ridge (grid): rmse {mean_squared_error(y_test, p) ** 0.5:.0f} r2 {r2_score(y_test, p):.3f} train {ridge_seconds:.1f} s")

codes = X.apply(lambda c: c.astype("category").cat.codes)
C_train, C_test = codes.loc[X_train.index], codes.loc[X_test.index]
t = time.perf_counter()
hgb = HistGradientBoostingRegressor(max_iter=600, learning_rate=0.1, max_leaf_nodes=63, categorical_features=list(range(len(columns))),
                                    early_stopping=True, random_state=42).fit(C_train, y_train)
hgb_seconds = time.perf_counter() - t
p = hgb.predict(C_test)
print(f"sklearn HistGradientBoosting: rmse {mean_squared_error(y_test, p) ** 0.5:.0f} r2 {r2_score(y_test, p):.3f} train {hgb_seconds:.1f} s ({hgb.n_iter_} iterations)")
