"""Random aiosim workflows (SPEC 1-4), written apart from RandomWorkflows.java and unlike it:
delays drawn from a few values so that timers tie everywhere, timeouts equal to delays, spawns,
cleanups that sleep or raise, CancelledError and TimeoutError raised by tasks themselves, counted
tasks with uniform delays, and every strategy nested in every other. IndependentWorkflowsTest
appends a loop printing one workflow (JSON, which is YAML) per line for a range of seeds."""
import json, random

D = [0, 0, 0.1, 0.1, 0.2, 0.3, 0.5]
ERR = ["ValueError", "KeyError", "CancelledError", "TimeoutError", "KeyboardInterrupt", "SystemExit", "RuntimeError"]

def names(ts):
    out = []
    for t in ts:
        if "count" in t: out += [t["name"].replace("{i}", str(k)) for k in range(t["count"])]
        else: out.append(t["name"])
    return out

class G:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.n = 0
    def name(self, p="t"):
        self.n += 1
        return f"{p}{self.n}"
    def err(self):
        e = self.r.choice(ERR)
        return e if self.r.random() < 0.5 else {"type": e, "message": self.r.choice(["", "m", "x y"])}
    def d(self):
        return self.r.choice(D)
    def strategy(self, ntasks_names):
        r = self.r
        k = r.choice(["gather", "taskgroup", "as_completed", "wait", "create_task"])
        s = {"kind": k}
        if k == "gather" and r.random() < 0.5: s["return_exceptions"] = True
        if k == "as_completed" and r.random() < 0.5: s["on_error"] = "cancel_remaining"
        if k == "wait":
            s["return_when"] = r.choice(["ALL_COMPLETED", "FIRST_COMPLETED", "FIRST_EXCEPTION"])
            if r.random() < 0.5: s["cancel_pending"] = True
            if r.random() < 0.5: s["retrieve"] = True
        if k == "create_task":
            c = r.random()
            if c < 0.3: s["await"] = []
            elif c < 0.7:
                names = list(ntasks_names); r.shuffle(names)
                s["await"] = names[: r.randint(1, len(names))]
        if r.random() < 0.4: s["timeout"] = r.choice([0.05, 0.1, 0.2, 0.3, 0.25])
        return s
    def steps(self, depth):
        r = self.r
        out = []
        for _ in range(r.randint(1, 4)):
            c = r.random()
            if c < 0.45: out.append({"sleep": self.d() if r.random() < 0.8 else {"uniform": [0, 0.2]}})
            elif c < 0.6: out.append({"log": r.choice(["a", "b"])})
            elif c < 0.75 and depth < 3: out.append({"spawn": self.task(depth + 1, allow_group=False)})
            elif c < 0.88: out.append({"return": r.choice([1, "v", None, [1, 2]])})
            else: out.append({"raise": self.err()})
        return out
    def task(self, depth, allow_group=True):
        r = self.r
        t = {"name": self.name()}
        c = r.random()
        if allow_group and depth < 4 and c < 0.2:
            sub = [self.task(depth + 1) for _ in range(r.randint(1, 3))]
            g = {"strategy": self.strategy(names(sub)), "tasks": sub}
            if r.random() < 0.3: g["after"] = {"sleep": self.d()}
            t["group"] = g
        elif c < 0.3 and depth < 2:
            t["name"] = t["name"] + "-{i}"
            t["count"] = r.randint(1, 4)
            t["delay"] = r.choice([self.d(), {"uniform": [0, 0.3]}])
            if r.random() < 0.3: t["fail"] = {"type": self.r.choice(ERR), "message": "m{i}"}
            else: t["result"] = r.choice(["{i}", "r{i}", [1, "{i}"]])
        elif c < 0.55:
            t["delay"] = self.d()
            if r.random() < 0.3: t["fail"] = self.err()
            else: t["result"] = r.choice([1, "x", None, {"k": 1}])
        else:
            t["steps"] = self.steps(depth)
        if r.random() < 0.3:
            oc = {"steps": r.choice([[{"sleep": self.d()}], [{"log": "c"}], [{"sleep": 0.1}, {"log": "c"}], [{"raise": self.err()}]])}
            if r.random() < 0.4:
                oc["then"] = "suppress"; oc["result"] = "s"
            t["on_cancel"] = oc
        return t
    def workflow(self):
        tasks = [self.task(0) for _ in range(self.r.randint(1, 5))]
        w = {"version": 1, "seed": self.r.randint(0, 99), "strategy": self.strategy(names(tasks)), "tasks": tasks}
        if self.r.random() < 0.5: w["after"] = {"sleep": self.d()}
        return w

