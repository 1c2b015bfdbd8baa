"""Writes 01-gradient-descent-python.ipynb: lesson 01's code cells as the course's Python (numpy + matplotlib)
would write them, one cell for each Java code cell, for bin/bench cells-python. Re-run after changing a cell."""
import nbformat

CELLS = [
# the check helper (Java: check + implemented)
'''import numpy as np
import matplotlib
import matplotlib.pyplot as plt
%matplotlib inline

def check(ok, hint):
    if not ok:
        raise AssertionError(hint)''',
'''def f(x, y):
    return x**2 + y**2 + x * (y + 2) + np.cos(3 * x)

def contour_map():
    xs = np.linspace(-5, 5, 100)
    X, Y = np.meshgrid(xs, xs)
    fig, ax = plt.subplots(figsize=(6, 4.5))
    cs = ax.contourf(X, Y, f(X, Y), levels=20, cmap="viridis")
    fig.colorbar(cs, ax=ax)
    return fig, ax

fig, ax = contour_map()
plt.show()''',
'''def grad_f(x, y):
    dfdx = 2 * x - 3 * np.sin(3 * x) + y + 2
    dfdy = x + 2 * y
    return np.array([dfdx, dfdy])''',
'''for p in [(3, 2), (-1, 0.5), (0.3, -4)]:
    g = grad_f(*p)
    h = 1e-6
    gx = (f(p[0] + h, p[1]) - f(p[0] - h, p[1])) / (2 * h)
    gy = (f(p[0], p[1] + h) - f(p[0], p[1] - h)) / (2 * h)
    check(abs(g[0] - gx) < 1e-5, "df/dx is off")
    check(abs(g[1] - gy) < 1e-5, "df/dy is off")
"grad_f looks right"''',
'''# (Java: the Descent record) a run's history is an array of rows (x, y, f)''',
'''def optimize_f(x, y, step_size, steps):
    history = [(x, y, f(x, y))]
    for t in range(steps):
        g = grad_f(x, y)
        x, y = x - step_size * g[0], y - step_size * g[1]
        history.append((x, y, f(x, y)))
    return np.array(history)''',
'''one = optimize_f(3, 2, 0.1, 1)
check(len(one) == 2, "history should hold the start point and one point per step")
check(one[-1, 2] < f(3, 2), "f did not decrease")
twenty = optimize_f(3, 2, 0.1, 20)
check(len(twenty) == 21, "20 steps should give 21 entries")
for t in range(1, len(twenty)):
    a, b = twenty[t - 1], twenty[t]
    move = np.hypot(b[0] - a[0], b[1] - a[1])
    g = grad_f(a[0], a[1])
    check(abs(move - 0.1 * np.hypot(g[0], g[1])) < 1e-9, "step size")
check(abs(twenty[-1, 0] - 0.5697185458418123) < 1e-9, "end point")
"optimize_f looks right"''',
'''def show_descent(d, title):
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.5))
    xs = np.linspace(-5, 5, 100)
    X, Y = np.meshgrid(xs, xs)
    cs = left.contourf(X, Y, f(X, Y), levels=20, cmap="viridis")
    fig.colorbar(cs, ax=left)
    left.plot(d[:, 0], d[:, 1], "r.-")
    left.set_title(title)
    right.plot(d[:, 2])
    right.set_title("learning curve"); right.set_xlabel("step"); right.set_ylabel("f")
    plt.show()

stuck = optimize_f(3, 2, 0.1, 20)
print(f"after 20 steps: x = {stuck[-1, 0]:.4f}, y = {stuck[-1, 1]:.4f}, f = {stuck[-1, 2]:.4f}")
show_descent(stuck, "step 0.1 from (3, 2)")''',
'''too_small = optimize_f(3, 2, 0.01, 20)
too_large = optimize_f(3, 2, 0.5, 20)
print(f"step 0.01: f = {too_small[-1, 2]:.4f}    step 0.5: f = {too_large[-1, 2]:.4f}")
show_descent(too_small, "step 0.01: too small")
show_descent(too_large, "step 0.5: too large")''',
'''def optimize_f_decay(x, y, eta0, decay, steps):
    history = [(x, y, f(x, y))]
    eta = eta0
    for t in range(steps):
        g = grad_f(x, y)
        x, y = x - eta * g[0], y - eta * g[1]
        history.append((x, y, f(x, y)))
        eta *= decay
    return np.array(history)''',
'''same = optimize_f_decay(3, 2, 0.1, 1.0, 20)
check(abs(same[-1, 0] - optimize_f(3, 2, 0.1, 20)[-1, 0]) < 1e-12, "decay = 1 must equal optimize_f")
h = optimize_f_decay(3, 2, 0.1, 0.5, 20)
first_move = np.hypot(*(h[1, :2] - h[0, :2]))
last_move = np.hypot(*(h[20, :2] - h[19, :2]))
check(len(h) == 21, "history length")
check(last_move < first_move * 1e-3, "the step size must shrink")
"optimize_f_decay looks right"''',
'''eta0 = 0.2
decay = 0.9
steps = 50''',
'''tuned = optimize_f_decay(3, 2, eta0, decay, steps)
print(f"eta0 = {eta0}, decay = {decay}, steps = {steps}: f = {tuned[-1, 2]:.4f}")
show_descent(tuned, "decaying step from (3, 2)")''',
'''check(steps <= 100, "use at most 100 steps")
result = optimize_f_decay(3, 2, eta0, decay, steps)
check(result[-1, 2] < -2, "f is not below -2 yet")
"f < -2: you found the global minimum"''',
# the sliders that redraw the chart (Java: FloatSlider, IntSlider and Widgets.interact)
'''from ipywidgets import FloatSlider, IntSlider, interact

def live(eta0, steps, decay):
    d = optimize_f_decay(3, 2, eta0, decay, steps)
    show_descent(d, f"eta0 = {eta0:.2f}, d = {decay:.2f}, {steps} steps: f = {d[-1, 2]:.3f}")

interact(live, eta0=FloatSlider(min=0.01, max=0.5, step=0.01, value=0.1, description="step eta0"),
         steps=IntSlider(min=1, max=100, step=1, value=20, description="steps"),
         decay=FloatSlider(min=0.5, max=1.0, step=0.01, value=1.0, description="decay d"));''',
]

nb = nbformat.v4.new_notebook()
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.cells = [nbformat.v4.new_markdown_cell(
    "Lesson 01's code cells in Python (numpy + matplotlib), one for each Java code cell: the reference for "
    "`bin/bench cells-python`. Generated by `make_python_01.py`.")] + [nbformat.v4.new_code_cell(c) for c in CELLS]
nbformat.write(nb, "01-gradient-descent-python.ipynb")
